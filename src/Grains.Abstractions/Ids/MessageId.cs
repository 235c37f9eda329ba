namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>Identifies A message, made by the client that sends it so that a retried send is recognised.</summary>
[GenerateSerializer, Immutable, Alias("MessageId")]
public readonly record struct MessageId([property: Id(0)] Guid Value)
{
    public static MessageId New() => new(Guid.CreateVersion7());

    public static bool TryParse(string? text, out MessageId id)
    {
        var ok = Guid.TryParse(text, out var value) && value != Guid.Empty;
        id = new MessageId(value);
        return ok;
    }

    public override string ToString() => Value.ToString("N");
}
