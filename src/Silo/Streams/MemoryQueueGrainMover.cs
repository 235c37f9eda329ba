using Orleans.Core.Internal;
using Orleans.Providers;
using Orleans.Runtime.Placement;
using Orleans.Streams;

namespace ChatbotOrleans.Silo.Streams;

/// <summary>
/// Keeps each memory-stream queue grain on the silo that reads its queue. The reader polls its queue grain at every
/// poll period, busy or not, but a grain stays wherever it was first activated, on another silo once the queues are dealt
/// anew. Migration keeps the queued events. A move asked for while silos join is sometimes not made, and a silo that has
/// not yet seen the latest membership may pull a grain to itself after its new reader found it at home, so the mover
/// keeps looking where each grain is, and asks again whenever one is away, until the queues are dealt anew.
/// </summary>
internal sealed partial class MemoryQueueGrainMover(IGrainFactory grains, MemoryQueueGrainKey keys, ILogger<MemoryQueueGrainMover> logger)
{
    // Before each look: at once, then backing off to the last, which repeats for as long as the deal stands.
    private static readonly TimeSpan[] Waits = [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)];

    /// <param name="queues">The queues this silo reads.</param>
    /// <param name="here">This silo.</param>
    /// <param name="cancellation">Cancelled when the queues are dealt anew (another silo may read them then) or the silo stops.</param>
    public async Task KeepHereAsync(IReadOnlyList<QueueId> queues, SiloAddress here, CancellationToken cancellation)
    {
        if (queues.Count == 0)
        {
            return;
        }

        for (var look = 0; ; look++)
        {
            await Task.Delay(Waits[Math.Min(look, Waits.Length - 1)], cancellation);
            List<QueueId> away;
            try
            {
                away = await AwayAsync(queues, here);
            }
            catch (Exception exception) when (exception is OrleansException or TimeoutException)
            {
                // A silo that has just joined may not reach the management grain yet: one failed look must not end the watch.
                LogLookFailed(logger, exception);
                continue;
            }

            if (away.Count > 0 && look >= Waits.Length - 1)
            {
                LogAway(logger, away);
            }

            foreach (var queue in away)
            {
                // A look or an ask can outlast a new deal: a mover cancelled then would pull another silo's grain back here.
                cancellation.ThrowIfCancellationRequested();
                await AskToMoveAsync(queue, here);
            }
        }
    }

    private async Task<List<QueueId>> AwayAsync(IReadOnlyList<QueueId> queues, SiloAddress here)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        List<QueueId> away = [];
        foreach (var queue in queues)
        {
            var where = await management.GetActivationAddress(grains.GetGrain<IMemoryStreamQueueGrain>(keys.Of(queue)));
            if (!here.Equals(where))
            {
                away.Add(queue);
            }
        }

        return away;
    }

    private async Task AskToMoveAsync(QueueId queue, SiloAddress here)
    {
        // The placement hint is how Orleans' own repartitioner names a migration's target.
        RequestContext.Set(IPlacementDirector.PlacementHintKey, here);
        try
        {
            await grains.GetGrain<IMemoryStreamQueueGrain>(keys.Of(queue)).Cast<IGrainManagementExtension>().MigrateOnIdle();
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            LogMoveFailed(logger, exception, queue);
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look where the stream queues' grains are; looking again")]
    private static partial void LogLookFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream queue {Queue}'s grain could not be asked to move to the silo that reads it")]
    private static partial void LogMoveFailed(ILogger logger, Exception exception, QueueId queue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream queues {Queues} have their grains on another silo than the one that reads them; asking them back")]
    private static partial void LogAway(ILogger logger, IReadOnlyList<QueueId> queues);
}
