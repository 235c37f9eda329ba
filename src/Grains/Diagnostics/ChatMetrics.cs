using System.Diagnostics.Metrics;
using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Diagnostics;

/// <summary>
/// The app's own metrics, on the meter "ChatbotOrleans" (exported with the rest when OTLP is set).
/// Gauges count what this silo holds in memory now: active conversations and emails waiting to go.
/// </summary>
public sealed class ChatMetrics
{
    public const string MeterName = "ChatbotOrleans";

    private readonly Counter<long> _messages;
    private readonly Counter<long> _replyFragments;
    private readonly Histogram<double> _firstFragment;
    private readonly Histogram<double> _replyDuration;
    private long _activeConversations;
    private long _pendingEmails;

    public ChatMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _messages = meter.CreateCounter<long>("chatbot.messages", "{message}", "Messages stored, by role and, for replies, by status.");
        _replyFragments = meter.CreateCounter<long>("chatbot.reply.fragments", "{fragment}", "Streamed reply fragments (tokens, as the model sends them).");
        _firstFragment = meter.CreateHistogram<double>("chatbot.reply.first_fragment.duration", "s", "From the start of a reply to its first fragment.");
        _replyDuration = meter.CreateHistogram<double>("chatbot.reply.duration", "s", "From the start of a reply to its stored end, by status.");
        meter.CreateObservableUpDownCounter("chatbot.conversations.active", () => Volatile.Read(ref _activeConversations), "{conversation}", "Conversations active on this silo.");
        meter.CreateObservableUpDownCounter("chatbot.email.outbox.pending", () => Volatile.Read(ref _pendingEmails), "{email}", "Emails waiting for delivery on this silo.");
    }

    public void MessageStored(ChatMessage message)
    {
        var role = message.Role == ChatRole.User ? "user" : "assistant";
        var status = message.Status.ToString().ToLowerInvariant();
        _messages.Add(1, new KeyValuePair<string, object?>("role", role), new KeyValuePair<string, object?>("status", status));
    }

    public void ReplyFragment() => _replyFragments.Add(1);

    public void FirstFragment(TimeSpan elapsed) => _firstFragment.Record(elapsed.TotalSeconds);

    public void ReplyEnded(ReplyStatus status, TimeSpan elapsed) =>
        _replyDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant()));

    public void ConversationActivated() => Interlocked.Increment(ref _activeConversations);

    public void ConversationDeactivated() => Interlocked.Decrement(ref _activeConversations);

    public void EmailPendingChanged(int delta) => Interlocked.Add(ref _pendingEmails, delta);
}
