using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;

namespace ChatbotOrleans.Grains.Usage;

/// <summary>
/// Where a model hands the usage its endpoint reported for one reply, and what the reply is counted as when it
/// reported none: endpoints without usage, the offline bot, and a reply stopped before the report came.
/// </summary>
public sealed class UsageReceipt
{
    /// <summary>The most tokens the reply may write, from what the daily budgets have left; the model asks for no more.</summary>
    public int? MaxOutputTokens { get; set; }

    /// <summary>The endpoint's own count, if it sent one.</summary>
    public TokenUsage? Reported { get; private set; }

    public void Report(int inputTokens, int outputTokens) => Reported = new TokenUsage(inputTokens, outputTokens, Estimated: false);

    /// <summary>
    /// The reply's usage: the report, otherwise an estimate of the context and of the text that arrived (a stop
    /// counts only that). A reply that failed before any text is counted as nothing, as endpoints bill it.
    /// </summary>
    public TokenUsage? For(IChatModel model, IReadOnlyList<ChatTurn> context, string text, ReplyStatus status) =>
        Reported ?? (status == ReplyStatus.Failed && text.Length == 0 ? null : model.EstimateUsage(context, text));
}
