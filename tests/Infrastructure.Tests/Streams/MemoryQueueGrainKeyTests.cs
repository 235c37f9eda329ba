using System.Reflection;
using System.Runtime.CompilerServices;
using ChatbotOrleans.Silo.Streams;
using Orleans.Providers;
using Orleans.Streams;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.Streams;

public sealed class MemoryQueueGrainKeyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Makes_the_queue_grain_key_Orleans_memory_adapter_makes(uint queue)
    {
        // The key is Orleans' own private recipe; this fails if an Orleans upgrade changes it, instead of the silos
        // quietly sending events to grains nobody reads.
        var nameHash = MemoryQueueGrainKey.NameHash("Chat");
        var type = typeof(MemoryAdapterFactory<DefaultMemoryMessageBodySerializer>);
        var factory = RuntimeHelpers.GetUninitializedObject(type);
        type.GetField("_nameHash", BindingFlags.NonPublic | BindingFlags.Instance)!.SetValue(factory, nameHash);
        var id = QueueId.GetQueueId("chat", queue, 12345u);

        var orleans = (Guid)type.GetMethod("GenerateDeterministicGuid", BindingFlags.NonPublic | BindingFlags.Instance)!.Invoke(factory, [id])!;

        new MemoryQueueGrainKey("Chat").Of(id).ShouldBe(orleans);
        nameHash.ShouldNotBe(0UL);
    }
}
