using ChatbotOrleans.Bench.Chats;
using ChatbotOrleans.Bench.Hosting;
using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.TestSupport;
using Orleans.Configuration;

namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>
/// Section 9 (issue 24): the same load per silo on 1, 2 and 4 silos, each capped at the same share of a core in a
/// cgroup of its own, so that throughput can grow with the silos on a 2-core machine; then, on the 4 silos, a
/// rolling restart and a killed silo under load. The silos are the stack's configuration with failure detection in seconds
/// (<see cref="FaultTuning"/>); the stack's own silo leaves once the first of them is up.
/// </summary>
public static class ScaleOutPhase
{
    /// <summary>4 silos at a quarter core leave a core for PostgreSQL and the load generator.</summary>
    public const double CoresPerSilo = 0.25;

    // Largest first, the smaller sizes by stopping silos: every size then runs on silos whose code the JIT has
    // already optimized. Grown 1 → 2 → 4, a just-started silo spent its whole quarter core compiling (0.24 of 0.25
    // core with no traffic) and the 2-silo figure fell to 0.37 × linear.
    private static readonly int[] Sizes = [4, 2, 1];

    public static async Task RunAsync(BenchContext context)
    {
        var ct = context.CancellationToken;
        using var cluster = new SiloCluster(context.Stack.Topology, SiloSettings(context), CoresPerSilo, context.Log);
        using var load = LoadGroup(context);
        await using var client = await StartAsync(context, cluster);
        var results = new List<ScaleStepResult>();
        foreach (var size in Sizes)
        {
            await cluster.GrowToAsync(size, ct);
            await cluster.ShrinkToAsync(size);
            var warmUp = TimeSpan.FromSeconds(size == Sizes[0] ? 45 : 15);
            results.Add(await ScaleStep.RunAsync(context, cluster, client.Cluster, warmUp));
        }

        ScaleOutReport.Add(context.Table, [.. results.OrderBy(r => r.Silos)], CoresPerSilo);
        await RunFaultsAsync(context, cluster, client.Cluster);
    }

    /// <summary>Only the rolling restart and the killed silo, on 4 silos (<c>--only faults</c>: a few minutes instead of seven).</summary>
    public static async Task RunFaultsOnlyAsync(BenchContext context)
    {
        using var cluster = new SiloCluster(context.Stack.Topology, SiloSettings(context), CoresPerSilo, context.Log);
        await using var client = await StartAsync(context, cluster);
        await RunFaultsAsync(context, cluster, client.Cluster);
    }

    // The faults measure what is lost and how long a conversation waits, not throughput: no quotas, a model
    // that takes a quarter second, and users who pause as long between messages.
    private static async Task RunFaultsAsync(BenchContext context, SiloCluster cluster, IClusterClient client)
    {
        var ct = context.CancellationToken;
        cluster.EnforceQuotas(false);
        await cluster.GrowToAsync(4, ct);
        context.SetModel(10, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(20));
        var chats = await new ChatFactory(client, ct).CreateAsync(FaultRuns.Conversations, perUser: 1, subscribe: true);
        await RollingRestart.RunAsync(context, cluster, chats);
        await SiloKill.RunAsync(context, cluster, client, chats);
    }

    private static Dictionary<string, string?> SiloSettings(BenchContext context)
    {
        var settings = new Dictionary<string, string?>(context.Stack.SiloSettings);
        foreach (var (key, value) in FaultTuning.SiloSettings)
        {
            settings[key] = value;
        }

        // As many queues as the largest size has silos (the default 2 left two of 4 silos none), at every size alike.
        settings["Orleans__StreamQueueCount"] = "4";

        // --silo-env wins over the fault tuning, so that a run can try a setting of it against the default run.
        foreach (var (key, value) in context.Options.SiloEnvironment)
        {
            settings[key] = value;
        }

        return settings;
    }

    // The largest size first; the stack's own silo leaves once those are up.
    private static async Task<BenchClient> StartAsync(BenchContext context, SiloCluster cluster)
    {
        var ct = context.CancellationToken;
        await cluster.GrowToAsync(Sizes[0], ct);
        await context.Stack.Silo.StopAsync(TimeSpan.FromSeconds(30));

        // A call to a dead silo must fail fast, so the fault runs see the recovery, not a 30 s timeout.
        return await BenchClient.ConnectAsync(context.Stack.ConnectionString, context.Stack.Topology.ClusterId, ct,
            c => c.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10)));
    }

    /// <summary>PostgreSQL and this process (client and fake model) in a group without a quota but weighed like the silos'.</summary>
    private static CpuGroup? LoadGroup(BenchContext context)
    {
        if (!CpuGroup.Available)
        {
            context.Log("no writable cgroup v1 cpu controller (or not root): the silos run without a CPU quota, so the sizes share the machine");
            return null;
        }

        var group = CpuGroup.Create($"chatbot-bench-{Environment.ProcessId}-load", cores: null);
        foreach (var process in ProcessCpu.TreeTicks(context.Stack.PostgresProcessId).Keys.Append(Environment.ProcessId))
        {
            group.Add(process);
        }

        return group;
    }
}
