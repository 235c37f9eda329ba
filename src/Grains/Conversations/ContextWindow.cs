using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>Chooses what the model sees: the newest messages that fit a character budget.</summary>
public static class ContextWindow
{
    private const int MinimumForMessages = 100;

    /// <summary>
    /// The turns up to and including <paramref name="replyTo"/>, newest kept first, oldest first in the
    /// result. Failed replies are left out (they are not what the bot said). The message being
    /// answered is always included, cut to the budget if it alone exceeds it. Non-empty
    /// <paramref name="instructions"/> come first as a system turn, always kept, and count against the budget.
    /// </summary>
    public static IReadOnlyList<ChatTurn> Build(IReadOnlyList<ChatMessage> messages, MessageId replyTo, int characterBudget, string? instructions = null)
    {
        var system = string.IsNullOrWhiteSpace(instructions) ? null : new ChatTurn(ChatRole.System, instructions);

        // The message answered keeps at least a small share, however long the instructions.
        characterBudget = Math.Max(characterBudget - (system?.Text.Length ?? 0), Math.Min(characterBudget, MinimumForMessages));
        var end = -1;
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Id == replyTo && messages[i].Role == ChatRole.User)
            {
                end = i;
                break;
            }
        }

        if (end < 0)
        {
            return [];
        }

        var target = messages[end];
        var first = target.Text.Length > characterBudget ? target.Text[..characterBudget] : target.Text;
        var turns = new List<ChatTurn> { new(ChatRole.User, first) };
        var used = first.Length;
        for (var i = end - 1; i >= 0; i--)
        {
            var message = messages[i];
            if (message.Status == ReplyStatus.Failed || message.Text.Length == 0)
            {
                continue;
            }

            if (used + message.Text.Length > characterBudget)
            {
                break;
            }

            used += message.Text.Length;
            turns.Add(new ChatTurn(message.Role, message.Text));
        }

        if (system is not null)
        {
            turns.Add(system);
        }

        turns.Reverse();
        return turns;
    }
}
