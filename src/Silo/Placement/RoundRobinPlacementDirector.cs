using System.Collections.Concurrent;
using Orleans.Runtime.Placement;

namespace ChatbotOrleans.Silo.Placement;

/// <summary>
/// Places each new activation on the next compatible silo, in silo-address order, from a random start, taking turns
/// per grain type: with one turn for all types, a conversation's start activates its helpers in a fixed pattern and
/// the conversations themselves kept landing on the same silos. Placement by activation count read counts up to a
/// second old, so a burst of new conversations piled onto whichever silo looked emptiest (bench/results/scale-out.md).
/// </summary>
internal sealed class RoundRobinPlacementDirector : IPlacementDirector
{
    private readonly ConcurrentDictionary<GrainType, RoundRobin<SiloAddress>> _turns = new();

    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        var turns = _turns.GetOrAdd(target.GrainIdentity.Type, static _ => new RoundRobin<SiloAddress>(Comparer<SiloAddress>.Default, Random.Shared.Next()));
        return Task.FromResult(IPlacementDirector.GetPlacementHint(target.RequestContextData, silos) ?? turns.Pick(silos));
    }
}
