using System.Globalization;

namespace ChatbotOrleans.DevHost;

/// <summary>
/// The processes below a process, read from Linux's /proc: <c>dotnet watch</c> runs the app three levels
/// down (the dotnet host, dotnet-watch, <c>dotnet run</c>), and only the app itself answers a SIGTERM.
/// </summary>
public static class ProcessTree
{
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
