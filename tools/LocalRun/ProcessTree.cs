using System.Globalization;
using System.Runtime.InteropServices;

namespace ChatbotOrleans.LocalRun;

/// <summary>
/// The processes below a process, read from Linux's /proc: <c>dotnet watch</c> runs the app three levels
/// down (the dotnet host, dotnet-watch, <c>dotnet run</c>), and only the app itself answers a SIGTERM.
/// </summary>
public static partial class ProcessTree
{
    private const int SigInt = 2;
    private const int SigTerm = 15;
    private const int SigKill = 9;

    /// <summary>Every living descendant of <paramref name="root"/>, parents before their children.</summary>
    public static IReadOnlyList<int> Descendants(int root)
    {
        var children = ParentsById()
            .GroupBy(pair => pair.Value, pair => pair.Key)
            .ToDictionary(group => group.Key, group => group.Order().ToList());
        var found = new List<int>();
        var next = new Queue<int>([root]);
        while (next.TryDequeue(out var parent))
        {
            foreach (var child in children.GetValueOrDefault(parent) ?? [])
            {
                found.Add(child);
                next.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>The processes of the tree under (and including) <paramref name="root"/> that have no children.</summary>
    public static IReadOnlyList<int> Leaves(int root)
    {
        var tree = Descendants(root).Prepend(root).ToList();
        var parents = ParentsById();
        return [.. tree.Where(pid => !parents.ContainsValue(pid) && IsAlive(pid))];
    }

    /// <summary>The running processes whose command line holds <paramref name="arguments"/> one after the other.</summary>
    public static IReadOnlyList<int> WithArguments(params string[] arguments)
    {
        var found = new List<int>();
        if (!Directory.Exists("/proc"))
        {
            return found;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && CommandLine(directory) is { } commandLine
                && Enumerable.Range(0, Math.Max(0, commandLine.Length - arguments.Length + 1)).Any(i => commandLine.Skip(i).Take(arguments.Length).SequenceEqual(arguments)))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    /// <summary>
    /// Stops the tree under <paramref name="root"/> the way a container would be stopped: SIGTERM to its leaves (the
    /// app, under <c>dotnet watch</c> three levels down, is the only one that answers it), then, once they have
    /// ended or <paramref name="grace"/> has passed, SIGKILL to whatever is left of the tree.
    /// </summary>
    public static async Task StopTreeAsync(int root, TimeSpan grace)
    {
        var apps = Leaves(root);
        foreach (var app in apps)
        {
            _ = Kill(app, SigTerm);
        }

        var deadline = DateTime.UtcNow + grace;
        while (apps.Any(IsAlive) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        foreach (var pid in Descendants(root).Prepend(root).Where(IsAlive))
        {
            _ = Kill(pid, SigKill);
        }
    }

    /// <summary>
    /// Interrupts <paramref name="roots"/> (SIGINT, as Ctrl+C would), waits until none of <paramref name="awaited"/>
    /// runs, and kills those still running after <paramref name="timeout"/>.
    /// </summary>
    /// <returns>The processes that had to be killed.</returns>
    public static async Task<IReadOnlyList<int>> InterruptAsync(IEnumerable<int> roots, IReadOnlyCollection<int> awaited, TimeSpan timeout)
    {
        foreach (var pid in roots.Where(IsAlive))
        {
            _ = Kill(pid, SigInt);
        }

        var deadline = DateTime.UtcNow + timeout;
        while (awaited.Any(IsAlive) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        var left = awaited.Where(IsAlive).ToList();
        foreach (var pid in left)
        {
            _ = Kill(pid, SigKill);
        }

        return left;
    }

    /// <summary>Whether the process runs (an ended one waiting for its parent to reap it does not).</summary>
    public static bool IsAlive(int pid) => Stat($"/proc/{pid}") is { } fields && fields[0] != "Z";

    private static Dictionary<int, int> ParentsById()
    {
        var parents = new Dictionary<int, int>();
        if (!Directory.Exists("/proc"))
        {
            return parents;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Stat(directory) is { } fields
                && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent))
            {
                parents[pid] = parent;
            }
        }

        return parents;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    private static string[]? CommandLine(string procDirectory)
    {
        try
        {
            return File.ReadAllText(Path.Combine(procDirectory, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // /proc/<pid>/stat reads "pid (command) state ppid ..."; the command may hold spaces and parentheses.
    private static string[]? Stat(string procDirectory)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(procDirectory, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 1 ? fields : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            // No such process, or it ended while we read it.
            return null;
        }
    }
}
