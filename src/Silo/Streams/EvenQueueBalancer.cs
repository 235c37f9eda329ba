using Orleans.Streams;

namespace ChatbotOrleans.Silo.Streams;

/// <summary>
/// Spreads a stream provider's queues evenly over the active silos (<see cref="EvenQueueSplit"/>). Orleans' default
/// hands each silo the queues in its range of a hash ring, so a silo may read none and another most of them, and
/// that one delivers most of the cluster's events (bench/results/scale-out.md). Orleans' deployment-based balancer
/// splits evenly too, but only over silo names listed in advance, which a Swarm service's tasks do not have.
/// The silo keeps the grains of the queues it was dealt here, and places conversations by the deal (<see cref="LocalQueues"/>).
/// </summary>
internal sealed class EvenQueueBalancer(IServiceProvider services, ILogger<EvenQueueBalancer> logger, LocalQueues local, MemoryQueueGrainMover mover)
    : QueueBalancerBase(services, logger)
{
    private List<QueueId> _queues = [];
    private CancellationTokenSource? _moving;

    public static IStreamQueueBalancer Create(IServiceProvider services, string name) =>
        ActivatorUtilities.CreateInstance<EvenQueueBalancer>(services,
            services.GetRequiredKeyedService<LocalQueues>(name),
            ActivatorUtilities.CreateInstance<MemoryQueueGrainMover>(services, new MemoryQueueGrainKey(name)));

    public override Task Initialize(IStreamQueueMapper queueMapper)
    {
        _queues = [.. queueMapper.GetAllQueues()];
        local.UseMapper(queueMapper);

        // Listens for the membership from here on, so the mapper is handed over before any queue is dealt.
        return base.Initialize(queueMapper);
    }

    public override IEnumerable<QueueId> GetMyQueues() => local.Mine;

    protected override void OnClusterMembershipChange(HashSet<SiloAddress> activeSilos)
    {
        local.Set(SiloAddress, activeSilos, _queues);
        var mine = local.Mine.ToList();

        NotifyListeners().Ignore();

        // A move still under way for the queues dealt before would fight the silo that reads them now.
        var moving = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        if (Interlocked.Exchange(ref _moving, moving) is { } before)
        {
            before.Cancel();
            before.Dispose();
        }

        mover.KeepHereAsync(mine, SiloAddress, moving.Token).Ignore();
    }
}
