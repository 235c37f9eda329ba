using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Orleans.Streams;

namespace ChatbotOrleans.Silo.Streams;

/// <summary>
/// The key of a memory-stream queue's grain, as Orleans' memory adapter makes it (its private
/// <c>MemoryAdapterFactory.GenerateDeterministicGuid</c>, copied; MemoryQueueGrainKeyTests compare the two, so an
/// upgrade that changes it fails a test instead of sending events to a grain nobody reads).
/// </summary>
internal sealed class MemoryQueueGrainKey(string providerName)
{
    private readonly ulong _nameHash = NameHash(providerName);

    public Guid Of(QueueId queue) => Of(_nameHash, queue);

    internal static Guid Of(ulong nameHash, QueueId queue)
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
}
