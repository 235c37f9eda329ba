using Orleans.Core.Internal;
using Orleans.Providers;
using Orleans.Runtime.Placement;
using Orleans.Streams;

namespace ChatbotOrleans.Silo.Streams;

/// <summary>
/// Moves each memory-stream queue grain to the silo that reads its queue. The reader polls its queue grain every
/// 10 ms, busy or not, and this silo publishes to the queues it reads (<see cref="LocalQueues"/>); but a grain stays
/// wherever it was first activated, on another silo after the queues are dealt anew. Migration keeps the queued events.
/// </summary>
internal sealed partial class MemoryQueueGrainMover(IGrainFactory grains, MemoryQueueGrainKey keys, ILogger<MemoryQueueGrainMover> logger)
{
    public async Task MoveHereAsync(IEnumerable<QueueId> queues, SiloAddress here)
    {
        foreach (var queue in queues)
        {
            // The placement hint is how Orleans' own repartitioner names a migration's target.
            RequestContext.Set(IPlacementDirector.PlacementHintKey, here);
            try
            {
                await grains.GetGrain<IMemoryStreamQueueGrain>(keys.Of(queue)).Cast<IGrainManagementExtension>().MigrateOnIdle();
            }
            catch (Exception exception) when (exception is OrleansException or TimeoutException)
            {
                LogNotMoved(logger, exception, queue.ToString());
            }
            finally
            {
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream queue {Queue}'s grain was not moved to the silo that reads it")]
    private static partial void LogNotMoved(ILogger logger, Exception exception, string queue);
}
