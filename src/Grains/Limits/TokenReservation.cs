namespace ChatbotOrleans.Grains.Limits;

/// <summary>What a daily token budget granted one reply (<see cref="ITokenBudgetGrain.ReserveAsync"/>).</summary>
/// <param name="Granted">The tokens reserved; 0 when refused.</param>
/// <param name="Left">What the budget had left before this reservation.</param>
/// <param name="ResetsIn">How long until the budget renews.</param>
/// <param name="HeldByOthers">The tokens other replies still being written hold of the budget.</param>
[GenerateSerializer, Immutable, Alias("TokenReservation")]
public sealed record TokenReservation(
    [property: Id(0)] long Granted, [property: Id(1)] long Left, [property: Id(2)] TimeSpan ResetsIn, [property: Id(3)] long HeldByOthers = 0);
