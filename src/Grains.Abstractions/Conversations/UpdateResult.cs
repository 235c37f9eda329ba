namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>The answer to a change of a conversation (rename, delete, stop, regenerate): done, or why not.</summary>
/// <param name="Succeeded">Whether the change was made (or had been made already).</param>
/// <param name="Error">When not, a sentence the page shows as it is.</param>
[GenerateSerializer, Immutable, Alias("UpdateResult")]
public sealed record UpdateResult(
    [property: Id(0)] bool Succeeded,
    [property: Id(1)] string? Error = null)
{
    public static UpdateResult Done { get; } = new(true);

    public static UpdateResult NotFound { get; } = new(false, "This conversation does not exist.");

    public static UpdateResult Refused(string error) => new(false, error);
}
