using System.Globalization;
using System.Runtime.CompilerServices;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Usage;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Silo.ChatModels;

/// <summary>
/// A deterministic stand-in so the whole app runs with no model account. It says so in every reply,
/// and streams word by word so the page behaves as it would with a real model.
/// </summary>
internal sealed class OfflineChatModel(IOptions<OfflineBotOptions> options, ITokenCounter? counter = null) : IChatModel
{
    private readonly ITokenCounter _counter = counter ?? TokenEstimate.Characters;

    public const string Label = "Offline bot — no language model is configured (set OpenAI__ApiKey to use one).";

    private readonly TimeSpan _tokenDelay = options.Value.TokenDelay;

    public string Name => "offline";

    public bool IsOffline => true;

    public IAsyncEnumerable<string> StreamReplyAsync(IReadOnlyList<ChatTurn> context, CancellationToken cancellationToken) =>
        StreamReplyAsync(context, new UsageReceipt(), cancellationToken);

    // Stops at the receipt's cap as a model does at max_tokens, counting tokens as its usage is estimated.
    public async IAsyncEnumerable<string> StreamReplyAsync(
        IReadOnlyList<ChatTurn> context,
        UsageReceipt usage,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var left = usage.MaxOutputTokens ?? int.MaxValue;
        foreach (var token in Tokenize(ComposeReply(context)).TakeWhile(token => (left -= _counter.Count(token)) >= 0))
        {
            if (_tokenDelay > TimeSpan.Zero)
            {
                await Task.Delay(_tokenDelay, cancellationToken);
            }

            cancellationToken.ThrowIfCancellationRequested();
            yield return token;
        }
    }

    public TokenUsage EstimateUsage(IReadOnlyList<ChatTurn> context, string reply) => TokenEstimate.Of(context, reply, _counter.Count);

    internal static string ComposeReply(IReadOnlyList<ChatTurn> context)
    {
        var lastUserText = context.LastOrDefault(turn => turn.Role == ChatRole.User)?.Text.Trim() ?? string.Empty;
        var words = lastUserText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var userTurns = context.Count(turn => turn.Role == ChatRole.User);

        string answer;
        if (words.Length == 0)
        {
            answer = "I did not catch anything to reply to. Say something and I will echo it back.";
        }
        else
        {
            var kind = lastUserText.EndsWith('?') ? "question" : "message";
            var wordCount = words.Length == 1 ? "1 word" : $"{words.Length} words";
            var turnNote = userTurns == 1
                ? "It is the first thing you told me."
                : $"That makes {userTurns} messages from you in this conversation.";
            answer = string.Create(
                CultureInfo.InvariantCulture,
                $"You sent a {kind} of {wordCount}: “{lastUserText}”. {turnNote} Nice to chat with you!");
        }

        return Label + "\n\n" + answer;
    }

    // Each token carries its leading whitespace, so joining the tokens rebuilds the reply exactly.
    internal static IEnumerable<string> Tokenize(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || (char.IsWhiteSpace(text[i]) && !char.IsWhiteSpace(text[i - 1])))
            {
                yield return text[start..i];
                start = i;
            }
        }
    }
}
