using ChatbotOrleans.DevHost;

// The README's run command: a local PostgreSQL unless one is configured, migrations, one silo and the
// web frontend, all stopped by Ctrl+C.
var layout = RepositoryLayout.Find();
var webPort = args.Length >= 2 && args[0] == "--port" && int.TryParse(args[1], out var requested) ? requested : 5080;
using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopping.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stopping.Cancel();

try
{
    await using var stack = await LocalStack.StartAsync(layout, webPort, Console.WriteLine, stopping.Token);
    Console.WriteLine();
    Console.WriteLine($"ChatbotOrleans is running: open {stack.WebUrl}");
    Console.WriteLine($"Orleans Dashboard: {stack.DashboardUrl}   (Ctrl+C stops everything)");
    Console.WriteLine();
    var exited = await stack.WaitForExitAsync(stopping.Token);
    if (exited is not null)
    {
        Console.Error.WriteLine($"error: {exited.Name} stopped unexpectedly (exit code {exited.ExitCode}); stopping the rest.");
        return 1;
    }

    Console.WriteLine("Stopping…");
    return 0;
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    Console.WriteLine("Stopped.");
    return 0;
}
catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
{
    Console.Error.WriteLine($"error: {exception.Message}");
    return 1;
}
