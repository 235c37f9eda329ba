namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>Identifies A conversation: the key of its IConversationGrain.</summary>
[GenerateSerializer, Immutable, Alias("ConversationId")]
public readonly record struct ConversationId([property: Id(0)] Guid Value)
{
    public static ConversationId New() => new(Guid.CreateVersion7());

    public static bool TryParse(string? text, out ConversationId id)
    {
        var ok = Guid.TryParse(text, out var value) && value != Guid.Empty;
        id = new ConversationId(value);
        return ok;
    }

    public override string ToString() => Value.ToString("N");
}
