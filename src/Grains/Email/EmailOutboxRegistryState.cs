namespace ChatbotOrleans.Grains.Email;

/// <summary>The newest undelivered emails. Never renumber an [Id].</summary>
[GenerateSerializer, Alias("EmailOutboxRegistryState")]
public sealed class EmailOutboxRegistryState
{
    [Id(0)] public List<UndeliveredEmail> Undelivered { get; set; } = [];
}
