namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>The answer to a search: its hits, best first, or why the query was not searched.</summary>
/// <param name="Hits">The matching messages, best first (empty when none match or the query was refused).</param>
/// <param name="Error">When the query was refused, a sentence the page shows as it is.</param>
[GenerateSerializer, Immutable, Alias("SearchResult")]
public sealed record SearchResult(
    [property: Id(0)] IReadOnlyList<SearchHit> Hits,
    [property: Id(1)] string? Error = null)
{
    public static SearchResult Refused(string error) => new([], error);
}
