using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Orleans.Core.Internal;
using Orleans.Providers;
using Orleans.Runtime.Placement;
using Orleans.Streams;

namespace ChatbotOrleans.Silo.Streams;

/// <summary>
/// Moves each memory-stream queue grain to the silo that reads its queue. The reading silo polls its queue grain every
/// 10 ms, busy or not, and the grain stays wherever it was first called: with the silos started one by one, the first
/// silo read every queue while it was alone and kept all four queue grains after the others joined, so most polls
/// and every batch of events crossed a socket (bench/results/scale-out.md). Migration keeps the queued events.
/// </summary>
internal sealed partial class MemoryQueueGrainMover(IGrainFactory grains, string providerName, ILogger logger)
{
    private readonly ulong _nameHash = NameHash(providerName);

    public async Task MoveHereAsync(IEnumerable<QueueId> queues, SiloAddress here)
    {
        foreach (var queue in queues)
        {
            RequestContext.Set(IPlacementDirector.PlacementHintKey, here);
            try
            {
                await grains.GetGrain<IMemoryStreamQueueGrain>(KeyOf(_nameHash, queue)).Cast<IGrainManagementExtension>().MigrateOnIdle();
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

    /// <summary>The queue grain's key as Orleans' memory adapter makes it (MemoryAdapterFactory.GenerateDeterministicGuid).</summary>
    internal static Guid KeyOf(ulong nameHash, QueueId queue)
    {
        Span<byte> bytes = stackalloc byte[16];
        MemoryMarshal.Write(bytes, in nameHash);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[8..], queue.GetUniformHashCode());
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[12..], queue.GetNumericId());
        return new Guid(bytes);
    }

    internal static ulong NameHash(string providerName)
    {
        ulong hash = 0;
        XxHash64.Hash(MemoryMarshal.AsBytes(providerName.AsSpan()), MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref hash, 1)));
        return hash;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream queue {Queue}'s grain was not moved to the silo that reads it")]
    private static partial void LogNotMoved(ILogger logger, Exception exception, string queue);
}
