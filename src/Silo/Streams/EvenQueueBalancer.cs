using Orleans.Streams;

namespace ChatbotOrleans.Silo.Streams;

/// <summary>
/// Spreads a stream provider's queues evenly over the active silos (<see cref="EvenQueueSplit"/>). Orleans' default
/// hands each silo the queues in its range of a hash ring, and 4 queues on 4 silos landed 3/1/0/0 or 2/2/0/0, so one
/// silo delivered most of the cluster's events (bench/results/scale-out.md). Its deployment-based balancer splits
/// evenly too, but only over silo names listed in advance, which a Swarm service's tasks do not have.
/// </summary>
internal sealed class EvenQueueBalancer(IServiceProvider services, ILogger<EvenQueueBalancer> logger, MemoryQueueGrainMover mover)
    : QueueBalancerBase(services, logger)
{
    private List<QueueId> _queues = [];
    private volatile IReadOnlyCollection<SiloAddress> _activeSilos = [];

    public static IStreamQueueBalancer Create(IServiceProvider services, string name) =>
        ActivatorUtilities.CreateInstance<EvenQueueBalancer>(services,
            new MemoryQueueGrainMover(services.GetRequiredService<IGrainFactory>(), name, services.GetRequiredService<ILogger<MemoryQueueGrainMover>>()));

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
        mover.MoveHereAsync(GetMyQueues(), SiloAddress).Ignore();
    }
}
