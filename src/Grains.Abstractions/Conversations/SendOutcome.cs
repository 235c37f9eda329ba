namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>How a send ended. Everything but <see cref="Accepted"/> and <see cref="Duplicate"/> changed nothing.</summary>
[GenerateSerializer, Alias("SendOutcome")]
public enum SendOutcome
{
    Accepted = 0,
    Duplicate = 1,
    Rejected = 2,
    NotFound = 3,
}
