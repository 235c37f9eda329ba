using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;

namespace ChatbotOrleans.Grains.Usage;

/// <summary>A count of tokens from text, for models that count none of their own.</summary>
public static class TokenEstimate
{
    // GPT-style tokenizers average about four characters of English a token.
    private const int CharactersPerToken = 4;

    // Each message of a chat request costs a few tokens of framing (role, separators) besides its text.
    public const int TokensPerMessage = 4;

    /// <summary>The model-agnostic fallback when no tokenizer is registered: four characters a token.</summary>
    public static ITokenCounter Characters { get; } = new CharacterCounter();

    public static int Count(string text) => (text.Length + CharactersPerToken - 1) / CharactersPerToken;

    public static TokenUsage Of(IReadOnlyList<ChatTurn> context, string reply, Func<string, int>? count = null)
    {
        count ??= Count;
        return new TokenUsage(context.Sum(turn => count(turn.Text) + TokensPerMessage), count(reply), Estimated: true);
    }

    private sealed class CharacterCounter : ITokenCounter
    {
        public int Count(string text) => TokenEstimate.Count(text);
    }
}
