using ChatbotOrleans.Bench.Chats;
using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Bench.Phases;

namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>
/// One cluster size: fresh conversations (so the placement sees every silo), a warm-up, then a window of user
/// messages (send → <c>MessageAdded</c> → the short reply) and one of full turns, each a closed loop with as many
/// conversations per silo, while the silos' CPU, their cgroups' throttling, PostgreSQL and this process are read.
/// </summary>
public static class ScaleStep
{
    public const int ConversationsPerSilo = 24;

    public static async Task<ScaleStepResult> RunAsync(BenchContext context, SiloCluster cluster, IClusterClient client, TimeSpan warmUp)
    {
        var sizes = context.Sizes;
        var silos = cluster.Running.Count();

        // Set up and warmed up without the caps: a new silo compiles its code at a quarter core for minutes.
        cluster.EnforceQuotas(false);
        var factory = new ChatFactory(client, context.CancellationToken);
        var chats = await factory.CreateAsync(ConversationsPerSilo * silos, perUser: 1, subscribe: true);
        var timeout = TimeSpan.FromSeconds(60);
        var added = new Samples();
        async Task MessageAsync(int worker, bool measure)
        {
            var turn = await chats[worker].SendAsync(sizes.MessageCharacters);
            await turn.Added.Within(timeout, "MessageAdded");
            if (measure)
            {
                added.Add(turn.ToAdded);
            }

            await turn.Completed.Within(timeout, "the reply");
            chats[worker].Forget(turn);
        }

        context.SetModel(sizes.ShortReplyTokens, TimeSpan.Zero, TimeSpan.Zero);
        await Timed.RunForAsync(chats.Count, warmUp, worker => MessageAsync(worker, measure: false));
        var running = cluster.Running.ToArray();
        var (settled, stillCompiling) = await CompilationSettle.RunAsync(running,
            round => Timed.RunForAsync(chats.Count, round, worker => MessageAsync(worker, measure: false)));
        context.Log($"{silos} silo(s): warmed up {(warmUp + settled).TotalSeconds:0} s, until the busiest silo's JIT thread used {stillCompiling:0.000} core"
            + (stillCompiling < CompilationSettle.QuietCores ? "" : " (still compiling: gave up waiting)"));
        cluster.EnforceQuotas(true);
        await Timed.RunForAsync(chats.Count, TimeSpan.FromSeconds(5), worker => MessageAsync(worker, measure: false));

        // What a silo spends with no traffic (timers, the stream queues' polls): paid out of the same quota.
        var idleFrom = cluster.ReadCpu();
        await Task.Delay(TimeSpan.FromSeconds(3), context.CancellationToken);
        var idle = cluster.ReadCpu().Select(s => (s.Used - idleFrom.Single(b => b.Silo == s.Silo).Used).TotalSeconds / 3).ToArray();

        var meter = await LoadMeter.StartAsync(context, cluster, client);
        var compiledFrom = CompilationSettle.Read(running);
        var messages = await Timed.RunForAsync(chats.Count, sizes.Window, worker => MessageAsync(worker, measure: true));
        var compiling = CompilationSettle.CoresSince(running, compiledFrom, sizes.Window);
        var load = await meter.StopAsync(messages * sizes.Window.TotalSeconds, "user message");

        context.SetModel(sizes.ReplyTokens, TimeSpan.Zero, TimeSpan.Zero);
        var turns = await Timed.RunForAsync(chats.Count, sizes.Window, async worker =>
        {
            var turn = await chats[worker].SendAsync(sizes.MessageCharacters);
            await turn.Completed.Within(timeout, "the reply");
            chats[worker].Forget(turn);
        });

        var perSilo = await cluster.ConversationsPerSiloAsync(client, chats.Select(c => c.Grain));
        var queues = await SiloCluster.StreamQueuesPerSiloAsync(client);
        context.Log($"{silos} silo(s), {chats.Count} conversations: {messages:0} user messages/s, {turns:0} turns/s ({sizes.ReplyTokens} tokens); "
            + $"send → MessageAdded p50 {added.P50:0.0} p99 {added.P99:0.0} ms; conversations per silo {string.Join('/', perSilo)}, stream queues per silo {string.Join('/', queues)}; idle silos' cores {string.Join('/', idle.Select(i => i.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)))}; {load.Describe}; "
            + $"JIT thread's cores in the window {string.Join('/', compiling.Select(c => c.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)))}");
        cluster.EnforceQuotas(false);
        await Task.WhenAll(chats.Select(c => c.UnsubscribeAsync()));

        // Done with: collected once idle, so that the next size's placement sees silos holding only what they will
        // serve, and the silos' published activation counts (every second) say so before the next size starts.
        await Task.Delay(TimeSpan.FromSeconds(2), context.CancellationToken);
        await client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromSeconds(3), context.CancellationToken);
        return new ScaleStepResult(silos, chats.Count, messages, turns, added.P50, added.P99, perSilo, queues,
            load.SiloQuotaUsed, load.ThrottledShare, load.CommitsPerSecond, load.PostgresCores, load.BenchCores, idle.Average(), Machine.LoadAverage());
    }
}
