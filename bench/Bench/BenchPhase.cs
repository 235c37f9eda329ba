using ChatbotOrleans.Bench.Phases;
using ChatbotOrleans.Bench.ScaleOut;

namespace ChatbotOrleans.Bench;

/// <summary>
/// One section of the run, with the id <c>--only</c> takes, the phases whose baselines it reads, and whether a
/// <c>--quick</c> run has it (not a section whose smallest run takes minutes).
/// </summary>
public sealed record BenchPhase(string Id, string Name, Func<BenchContext, Task> Run, string[] Needs, bool InQuick = true)
{
    /// <summary>Every phase, in the order a run measures them so that they do not disturb each other.</summary>
    public static IReadOnlyList<BenchPhase> All { get; } =
    [
        new("steady", "steady conversations", SteadyChatsPhase.RunAsync, []),
        new("ceiling", "1 ceiling", CeilingPhase.RunAsync, ["steady"]),
        new("throughput", "2 throughput", ThroughputPhase.RunAsync, ["steady", "ceiling"]),
        new("latency", "3 latency", LatencyPhase.RunAsync, ["steady", "ceiling"]),
        new("growth", "4 growth", GrowthPhase.RunAsync, []),
        new("database", "7 database", DatabasePhase.RunAsync, ["steady"]),
        new("search-wal", "7 database: search's WAL", SearchWalPhase.RunAsync, []),
        new("full-turns", "6 full turns", FullTurnsPhase.RunAsync, ["steady", "ceiling"]),
        new("frontend-memory", "5 frontend memory", FrontendMemoryPhase.RunAsync, []),
        new("scrolled-page-memory", "8 archive: memory of scrolled pages", ScrolledPagesPhase.RunAsync, []),
        new("paging", "8 archive: paging", PagingPhase.RunAsync, []),
        new("search", "8 archive: search", SearchPhase.RunAsync, []),
        // Last: its thousands of activations and their reminders would disturb every later phase.
        new("silo-memory", "5 silo memory", SiloMemoryPhase.RunAsync, []),

        // Two frontends on the stack's silo; section 9 reports it, so scale-out runs it first.
        new("two-frontends", "9 scale-out: two frontends", TwoFrontendsPhase.RunAsync, [], InQuick: false),

        // After everything: it replaces the stack's silo with silos of its own in CPU cgroups.
        new("scale-out", "9 scale-out", ScaleOutPhase.RunAsync, ["two-frontends"], InQuick: false),

        // Section 9's rolling restart and killed silo alone, for work on recovery; not with scale-out, which runs them too.
        new("faults", "9 scale-out: faults", ScaleOutPhase.RunFaultsOnlyAsync, [], InQuick: false),
    ];

    /// <summary>The phases to run for <paramref name="only"/> (all when empty, or all a quick run has): those named and those they need, in run order.</summary>
    public static IReadOnlyList<BenchPhase> Select(IReadOnlyCollection<string> only, bool quick = false)
    {
        if (only.Count == 0)
        {
            return quick ? [.. All.Where(p => p.InQuick)] : All;
        }

        var unknown = only.Where(id => All.All(p => p.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown phase(s) {string.Join(", ", unknown)}; known: {string.Join(", ", All.Select(p => p.Id))}.");
        }

        var wanted = only.SelectMany(id => All.Single(p => p.Id == id).Needs.Append(id)).ToHashSet();
        return All.Where(p => wanted.Contains(p.Id)).ToList();
    }
}
