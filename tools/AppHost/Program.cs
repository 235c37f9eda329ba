using ChatbotOrleans.AppHost;
using ChatbotOrleans.LocalRun;

// The README's run command: a local PostgreSQL unless one is configured, then the migrations, the silos and the
// web frontend under .NET Aspire with its dashboard. Ctrl+C stops the apps first and PostgreSQL last.
RunOptions options;
try
{
    options = RunOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine($"error: {exception.Message}");
    return 2;
}

var layout = RepositoryLayout.Find();
try
{
    await using var database = await LocalDatabase.StartAsync(layout, Console.WriteLine, CancellationToken.None);
    return await LocalRunHost.RunAsync(options, layout, database.ConnectionString);
}
catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
{
    Console.Error.WriteLine($"error: {exception.Message}");
    return 1;
}
