namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>Who wrote a message.</summary>
[GenerateSerializer, Alias("ChatRole")]
public enum ChatRole
{
    User = 0,
    Assistant = 1,

    /// <summary>A conversation's instructions, handed to the model first; never a stored message.</summary>
    System = 2,
}
