namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>The answer to a send: the stored message, or why nothing was stored.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Message">The stored message (also for a duplicate, the one stored first).</param>
/// <param name="Error">For a rejection, a sentence the page shows as it is.</param>
[GenerateSerializer, Immutable, Alias("SendResult")]
public sealed record SendResult(
    [property: Id(0)] SendOutcome Outcome,
    [property: Id(1)] ChatMessage? Message = null,
    [property: Id(2)] string? Error = null)
{
    public bool Succeeded => Outcome is SendOutcome.Accepted or SendOutcome.Duplicate;
}
