namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>Who wrote a message.</summary>
[GenerateSerializer, Alias("ChatRole")]
public enum ChatRole
{
    User = 0,
    Assistant = 1,
}
