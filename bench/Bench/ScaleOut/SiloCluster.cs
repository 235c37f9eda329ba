using System.Globalization;
using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.LocalRun;
using ChatbotOrleans.TestSupport;
using Orleans.Providers.Streams.Common;

namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>
/// The silos of a scale-out run, each in a cgroup of its own with the same CPU quota: started, stopped
/// (SIGTERM, as a rolling deploy does), killed (SIGKILL) and started again at the same address.
/// </summary>
public sealed class SiloCluster(AppTopology topology, IReadOnlyDictionary<string, string?> settings, double coresPerSilo, Action<string> log) : IDisposable
{
    private readonly List<ScaleSilo> _silos = [];
    private readonly string _group = "chatbot-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public IReadOnlyList<ScaleSilo> Silos => _silos;

    public IEnumerable<ScaleSilo> Running => _silos.Where(s => s.IsRunning);

    public double CoresPerSilo { get; } = coresPerSilo;

    /// <summary>Starts silos (new or stopped ones) until the first <paramref name="count"/> run, each an active member before the next starts.</summary>
    public async Task GrowToAsync(int count, CancellationToken ct)
    {
        foreach (var stopped in _silos.Take(count).Where(s => !s.IsRunning))
        {
            await StartAsync(stopped, ct);
        }

        while (_silos.Count < count)
        {
            var index = _silos.Count;
            var quota = CpuGroup.Available ? CpuGroup.Create($"{_group}-silo{index}", CoresPerSilo) : null;
            var silo = new ScaleSilo(index, FreePort.Any(), FreePort.Any(), quota);
            _silos.Add(silo);
            await StartAsync(silo, ct);
        }
    }

    /// <summary>Stops (SIGTERM) the last silos until <paramref name="count"/> run.</summary>
    public async Task ShrinkToAsync(int count)
    {
        foreach (var silo in _silos.Skip(count).Where(s => s.IsRunning))
        {
            await silo.StopAsync();
            log($"silo {silo.Index} stopped");
        }
    }

    public async Task StartAsync(ScaleSilo silo, CancellationToken ct)
    {
        var own = new Dictionary<string, string?>(settings)
        {
            ["Orleans__SiloPort"] = silo.SiloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = silo.GatewayPort.ToString(CultureInfo.InvariantCulture),
        };

        // Started outside the quota (a start is the JIT's busiest minute, not the load measured), then moved in.
        (silo.Process, _) = await topology.StartSiloAsync(ct, own);
        silo.Quota?.Add(silo.Process.Id);
        log($"silo {silo.Index} (process {silo.Process.Id}, port {silo.SiloPort}) is active{(silo.Quota is null ? ", no CPU quota" : $" in a cgroup of {CoresPerSilo:0.##} core")}");
    }

    /// <summary>Caps every silo at its quota, or lifts the caps while nothing is measured.</summary>
    public void EnforceQuotas(bool enforced)
    {
        foreach (var silo in _silos)
        {
            silo.Quota?.Enforce(enforced);
        }
    }

    /// <summary>The silo a grain activation's address names, by its port.</summary>
    public ScaleSilo? ByPort(int port) => _silos.FirstOrDefault(s => s.SiloPort == port);

    /// <summary>Where each of <paramref name="grains"/> is active: how many on each running silo, by index.</summary>
    public async Task<int[]> ConversationsPerSiloAsync(IClusterClient client, IEnumerable<IConversationGrain> grains)
    {
        var management = client.GetGrain<IManagementGrain>(0);
        var addresses = await Task.WhenAll(grains.Select(g => management.GetActivationAddress(g).AsTask()));
        var counts = new int[_silos.Count];
        foreach (var address in addresses)
        {
            if (address is not null && ByPort(address.Endpoint.Port) is { } silo)
            {
                counts[silo.Index]++;
            }
        }

        return [.. counts.Where((_, index) => _silos[index].IsRunning)];
    }

    /// <summary>Memory-stream queues (pulling agents) each active silo reads, in no particular silo order.</summary>
    public static async Task<int[]> StreamQueuesPerSiloAsync(IClusterClient client)
    {
        var answers = await client.GetGrain<IManagementGrain>(0).SendControlCommandToProvider<PersistentStreamProvider>(
            ConversationStreams.ProviderName, (int)PersistentStreamProviderCommand.GetNumberRunningAgents, null!);
        return [.. answers.Select(a => Convert.ToInt32(a, CultureInfo.InvariantCulture)).OrderByDescending(n => n)];
    }

    /// <summary>Each running silo's CPU and its cgroup's throttling, read together.</summary>
    public SiloCpuReading[] ReadCpu() =>
        [.. Running.Select(s => new SiloCpuReading(s.Index, ProcessCpu.Used(s.Process!.Id), s.Quota?.Read()))];

    public void Dispose()
    {
        foreach (var silo in _silos)
        {
            try
            {
                silo.Quota?.Dispose();
            }
            catch (IOException exception)
            {
                log($"cgroup of silo {silo.Index} not removed: {exception.Message}");
            }
        }
    }
}
