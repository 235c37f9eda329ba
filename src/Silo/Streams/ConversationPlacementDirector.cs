using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Orleans.Runtime.Placement;

namespace ChatbotOrleans.Silo.Streams;

/// <summary>
/// Activates a conversation on the silo that reads its stream's queue (<see cref="ConversationPlacement"/>). A page's
/// call reaches the silo of its gateway, which is the reader one time in N; placed there, every event of the
/// conversation would cross to the reader. A hint (a migration) wins; when no reader is named (see
/// <see cref="LocalQueues.ReaderOf"/>) or it cannot take the grain, the called silo does, as with Orleans' prefer-local placement.
/// </summary>
internal sealed class ConversationPlacementDirector([FromKeyedServices(ConversationStreams.ProviderName)] LocalQueues queues) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, compatible) is { } hint)
        {
            return Task.FromResult(hint);
        }

        // A stopping silo may still deal itself queues for a moment: a grain placed on it now would take calls it never answers.
        if (context.LocalSiloStatus != SiloStatus.Active && compatible.Where(silo => !silo.Equals(context.LocalSilo)).ToArray() is { Length: > 0 } others)
        {
            compatible = others;
        }

        if (target.GrainIdentity.TryGetGuidKey(out var key, out _)
            && queues.ReaderOf(StreamId.Create(ConversationStreams.Namespace, key)) is { } reader
            && compatible.Contains(reader))
        {
            return Task.FromResult(reader);
        }

        return Task.FromResult(compatible.Contains(context.LocalSilo) ? context.LocalSilo : compatible[Random.Shared.Next(compatible.Length)]);
    }
}
