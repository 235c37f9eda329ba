using System.Diagnostics;

namespace ChatbotOrleans.Bench.Measure;

/// <summary>
/// What a range of WAL is made of, by record type (pg_waldump --stats=record): the evidence for where
/// WAL bytes go (heap tuples, TOAST, index entries, full-page images).
/// </summary>
public static class WalBreakdown
{
    public static async Task<string> DescribeAsync(string dataDirectory, string fromLsn, string toLsn)
    {
        var tool = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_waldump")).FirstOrDefault(File.Exists)
            : null;
        if (tool is null)
        {
            return "(pg_waldump not found)";
        }

        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["--stats=record", "-p", Path.Combine(dataDirectory, "pg_wal"), "-s", fromLsn, "-e", toLsn])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await output : $"(pg_waldump failed: {await errors})";
    }
}
