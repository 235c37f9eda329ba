namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>The answer to a send, retry, regenerate, stop, rename or delete: done, or why not.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Message">For a send, the stored message (for a duplicate, the one stored first); for a retry or regenerate, the user message answered.</param>
/// <param name="Error">When not done, a sentence the page shows as it is.</param>
[GenerateSerializer, Immutable, Alias("ChangeResult")]
public sealed record ChangeResult(
    [property: Id(0)] ChangeOutcome Outcome,
    [property: Id(1)] ChatMessage? Message = null,
    [property: Id(2)] string? Error = null)
{
    public static ChangeResult Done { get; } = new(ChangeOutcome.Accepted);

    public static ChangeResult NotFound { get; } = new(ChangeOutcome.NotFound, Error: "This conversation does not exist.");

    public static ChangeResult Unavailable { get; } = new(ChangeOutcome.Unavailable, Error: "The chat service did not answer. Please try again.");

    public bool Succeeded => Outcome is ChangeOutcome.Accepted or ChangeOutcome.Duplicate;

    public static ChangeResult Refused(string? error) => new(ChangeOutcome.Rejected, Error: error);
}
