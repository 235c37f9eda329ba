using Orleans.Streams;

namespace ChatbotOrleans.Silo.Streams;

/// <summary>
/// Spreads a stream provider's queues evenly over the active silos (<see cref="EvenQueueSplit"/>). Orleans' default
/// hands each silo the queues in its range of a hash ring, so a silo may read none and another most of them, and
/// that one delivers most of the cluster's events (bench/results/scale-out.md). Orleans' deployment-based balancer
/// splits evenly too, but only over silo names listed in advance, which a Swarm service's tasks do not have.
/// </summary>
internal sealed class EvenQueueBalancer(IServiceProvider services, ILogger<EvenQueueBalancer> logger)
    : QueueBalancerBase(services, logger)
{
    private List<QueueId> _queues = [];
    private volatile IReadOnlyCollection<SiloAddress> _activeSilos = [];

    public static IStreamQueueBalancer Create(IServiceProvider services, string name) =>
        ActivatorUtilities.CreateInstance<EvenQueueBalancer>(services);

    public override Task Initialize(IStreamQueueMapper queueMapper)
    {
        _queues = [.. queueMapper.GetAllQueues()];
        return base.Initialize(queueMapper);
    }

    public override IEnumerable<QueueId> GetMyQueues() => EvenQueueSplit.QueuesOf(SiloAddress, _activeSilos, _queues);

    protected override void OnClusterMembershipChange(HashSet<SiloAddress> activeSilos)
    {
        _activeSilos = [.. activeSilos];
        NotifyListeners().Ignore();
    }
}
