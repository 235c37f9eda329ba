using System.Globalization;
using System.Text;

namespace ChatbotOrleans.DevLoop.Tests.Watch;

/// <summary>The machine's processes that one run started, found by a variable set only for that run.</summary>
public static class ProcessScan
{
    /// <summary>
    /// Living processes whose environment holds <paramref name="marker"/> or whose command line names
    /// <paramref name="folder"/> (PostgreSQL's, when the marker is unreadable across accounts), as "pid command line".
    /// </summary>
    public static IReadOnlyList<string> Find(string marker, string folder)
    {
        var found = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || pid == Environment.ProcessId)
            {
                continue;
            }

            var commandLine = Read(directory, "cmdline").Replace('\0', ' ').Trim();
            if (commandLine.Length > 0 && !IsZombie(directory)
                && (Read(directory, "environ").Contains(marker, StringComparison.Ordinal) || commandLine.Contains(folder, StringComparison.Ordinal)))
            {
                found.Add($"{pid} {commandLine}");
            }
        }

        return found;
    }

    private static bool IsZombie(string directory)
    {
        var stat = Read(directory, "stat");
        var end = stat.LastIndexOf(')');
        return end < 0 || stat.Length < end + 3 || stat[end + 2] == 'Z';
    }

    private static string Read(string directory, string file)
    {
        try
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(directory, file)));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Ended meanwhile, or another account's.
            return string.Empty;
        }
    }
}
