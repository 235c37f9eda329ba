namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>Identifies A user: the key of their IUserGrain.</summary>
[GenerateSerializer, Immutable, Alias("UserId")]
public readonly record struct UserId([property: Id(0)] Guid Value)
{
    public static UserId New() => new(Guid.CreateVersion7());

    public static bool TryParse(string? text, out UserId id)
    {
        var ok = Guid.TryParse(text, out var value) && value != Guid.Empty;
        id = new UserId(value);
        return ok;
    }

    public override string ToString() => Value.ToString("N");
}
