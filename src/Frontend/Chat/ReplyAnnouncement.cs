using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>What a screen reader is told when a reply arrives: the page reads it out through an <c>aria-live</c> region.</summary>
public static class ReplyAnnouncement
{
    public static string Of(ChatMessage reply) => reply.Status switch
    {
        ReplyStatus.Failed => "The reply failed. " + (reply.Error ?? string.Empty),
        ReplyStatus.Stopped => "The reply was stopped.",
        _ => "The bot replied: " + reply.Text,
    };
}
