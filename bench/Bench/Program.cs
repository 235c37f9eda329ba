using ChatbotOrleans.Bench;

// ./bench.sh [--quick] [--durable] [--only PHASE[,PHASE…]] [--out FILE]: see README.md, section Benchmark.
var durable = args.Contains("--durable");
var sizes = args.Contains("--quick") ? BenchSizes.Quick : BenchSizes.Default;
var outIndex = Array.IndexOf(args, "--out");
var onlyIndex = Array.IndexOf(args, "--only");
string[] only = onlyIndex >= 0 && onlyIndex + 1 < args.Length ? args[onlyIndex + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
var output = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null;
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var report = await BenchRun.RunAsync(sizes, durable, only, line => Console.WriteLine(line), cancel.Token);
    var file = BenchRun.Save(report, output);
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
