using ChatbotOrleans.LocalRun;

namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>One silo of a scale-out run: its fixed ports (so a restart comes back at the same address), its CPU quota, its current process.</summary>
public sealed class ScaleSilo(int index, int siloPort, int gatewayPort, CpuGroup? quota)
{
    public int Index { get; } = index;

    public int SiloPort { get; } = siloPort;

    public int GatewayPort { get; } = gatewayPort;

    public CpuGroup? Quota { get; } = quota;

    public AppProcess? Process { get; set; }

    public bool IsRunning => Process is { HasExited: false };

    /// <summary>SIGTERM, waiting for the silo to leave the cluster (it hands its activations and queues over).</summary>
    public Task StopAsync() => Process!.StopAsync(TimeSpan.FromSeconds(30));

    /// <summary>SIGKILL, as a crash or an OOM kill would.</summary>
    public Task KillAsync() => Process!.KillAsync();
}
