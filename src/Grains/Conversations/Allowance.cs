namespace ChatbotOrleans.Grains.Conversations;

/// <summary>Spends one of the owner's model replies; <c>null</c> when granted, otherwise the sentence to show.</summary>
public delegate Task<string?> Allowance();

/// <summary>Allowances that need no rate limiter.</summary>
public static class Allowances
{
    public static Allowance Unlimited { get; } = () => Task.FromResult<string?>(null);
}
