using ChatbotOrleans.Bench;

// ./bench.sh [--quick] [--durable] [--out FILE] [--only PHASE,…] [--silo-env KEY=VALUE]… [--heap]: see README.md, section Benchmark.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine($"bench: {exception.Message}");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var report = await BenchRun.RunAsync(options, line => Console.WriteLine(line), cancel.Token);
    var file = BenchRun.Save(report, options.Output);
    Console.WriteLine();
    Console.WriteLine(report);
    Console.WriteLine($"Written to {file}");
    return 0;
}
catch (Exception exception) when (exception is not OutOfMemoryException)
{
    Console.Error.WriteLine($"bench failed: {exception}");
    return 1;
}
