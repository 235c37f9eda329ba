using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// The conversation's rules over its persisted state: numbering, idempotent sends, the reply queue
/// (exactly one stored reply per user message) and archiving. No I/O: the grain persists and notifies.
/// </summary>
public sealed class Conversation(ConversationState state, ConversationOptions options)
{
    private const int TitleLength = 60;

    public ConversationState State { get; } = state;

    public bool Exists => State.OwnerId != Guid.Empty;

    public bool IsOwnedBy(UserId user) => Exists && State.OwnerId == user.Value;

    /// <summary>Whether nothing has happened in the conversation for longer than the retention period.</summary>
    public bool IsExpired(DateTimeOffset now) => Exists && now - State.UpdatedAt > options.RetentionPeriod;

    public void Create(UserId owner, DateTimeOffset now)
    {
        if (Exists && State.OwnerId != owner.Value)
        {
            throw new InvalidOperationException("This conversation belongs to another user.");
        }

        if (!Exists)
        {
            State.OwnerId = owner.Value;
            State.CreatedAt = now;
            State.UpdatedAt = now;
        }
    }

    /// <summary>Whether <see cref="AddUserMessage"/> would store the message (not a duplicate, not rejected).</summary>
    public bool WouldAccept(SendMessage message) => Refusal(message, out _) is null;

    public SendDecision AddUserMessage(SendMessage message, DateTimeOffset now)
    {
        if (Refusal(message, out var text) is { } refusal)
        {
            return refusal;
        }

        var stored = Append(new ChatMessage(message.Id, 0, ChatRole.User, text, now));
        State.PendingReplies.Add(message.Id);
        if (State.Title.Length == 0)
        {
            State.Title = MakeTitle(text);
        }

        return new SendDecision(SendOutcome.Accepted, stored, null);
    }

    private SendDecision? Refusal(SendMessage message, out string text)
    {
        text = "";
        var existing = State.Recent.Find(m => m.Id == message.Id && m.Role == ChatRole.User);
        if (existing is not null)
        {
            return new SendDecision(SendOutcome.Duplicate, existing, null);
        }

        if (message.Id.Value == Guid.Empty)
        {
            return new SendDecision(SendOutcome.Rejected, null, "The message has no id; reload the page and send again.");
        }

        var (checkedText, error) = MessageRules.Check(message.Text, options.MaxMessageLength);
        if (checkedText is null)
        {
            return new SendDecision(SendOutcome.Rejected, null, error);
        }

        text = checkedText;
        return null;
    }

    /// <summary>Queues another reply to a user message whose last reply failed or was stopped.</summary>
    public SendDecision RetryReply(MessageId userMessage)
    {
        var target = State.Recent.Find(m => m.Id == userMessage && m.Role == ChatRole.User);
        if (target is null)
        {
            return new SendDecision(SendOutcome.Rejected, null, "That message is no longer in this conversation's recent history.");
        }

        if (State.PendingReplies.Contains(userMessage))
        {
            return new SendDecision(SendOutcome.Duplicate, target, null);
        }

        var lastReply = State.Recent.FindLast(m => m.ReplyTo == userMessage);
        if (lastReply is { Status: ReplyStatus.Complete })
        {
            return new SendDecision(SendOutcome.Rejected, null, "That message already has a reply.");
        }

        State.PendingReplies.Add(userMessage);
        return new SendDecision(SendOutcome.Accepted, target, null);
    }

    /// <summary>Queues another reply to the newest user message, once its last reply has ended.</summary>
    public SendDecision Regenerate()
    {
        if (State.PendingReplies.Count > 0)
        {
            return new SendDecision(SendOutcome.Rejected, null, "A reply is being written; wait for it or stop it first.");
        }

        var target = State.Recent.FindLast(m => m.Role == ChatRole.User);
        if (target is null)
        {
            return new SendDecision(SendOutcome.Rejected, null, "There is no message to answer yet.");
        }

        State.PendingReplies.Add(target.Id);
        return new SendDecision(SendOutcome.Accepted, target, null);
    }

    /// <summary>Gives the conversation the user's title; returns an error sentence when it cannot be used.</summary>
    public string? Rename(string title)
    {
        var (checkedTitle, error) = TitleRules.Check(title);
        if (checkedTitle is null)
        {
            return error;
        }

        State.Title = checkedTitle;
        return null;
    }

    /// <summary>The user message whose reply is owed first, if any.</summary>
    public ChatMessage? NextPending()
    {
        while (State.PendingReplies.Count > 0)
        {
            var id = State.PendingReplies[0];
            var message = State.Recent.Find(m => m.Id == id && m.Role == ChatRole.User);
            if (message is not null)
            {
                return message;
            }

            // The message left the window (archived); answering it without context would be wrong.
            State.PendingReplies.RemoveAt(0);
        }

        return null;
    }

    public IReadOnlyList<ChatTurn> ContextFor(MessageId replyTo) =>
        ContextWindow.Build(State.Recent, replyTo, options.ContextCharacterBudget);

    /// <summary>Stores the reply to <paramref name="replyTo"/> and takes it off the queue.</summary>
    public ChatMessage AddReply(MessageId replyTo, string text, string model, ReplyStatus status, string? error, DateTimeOffset now)
    {
        State.PendingReplies.Remove(replyTo);
        return Append(new ChatMessage(MessageId.New(), 0, ChatRole.Assistant, text, now, replyTo, status, model, error));
    }

    /// <summary>
    /// When the window holds two pages, the oldest page leaves it: returns its index and messages for
    /// the archive. Call <see cref="ConfirmArchived"/> once the page is stored.
    /// </summary>
    public (int PageIndex, List<ChatMessage> Messages)? PageToArchive()
    {
        if (State.Recent.Count < options.PageSize * 2)
        {
            return null;
        }

        return (State.ArchivedPages, State.Recent.GetRange(0, options.PageSize));
    }

    public void ConfirmArchived(int pageIndex)
    {
        if (pageIndex != State.ArchivedPages)
        {
            return;
        }

        State.Recent.RemoveRange(0, options.PageSize);
        State.ArchivedPages++;
    }

    public ConversationSnapshot Snapshot(ConversationId id, ReplyInProgress? inProgress) =>
        new(id, State.Title, State.Sequence, [.. State.Recent], State.ArchivedPages > 0, inProgress, State.PendingReplies.Count);

    private ChatMessage Append(ChatMessage message)
    {
        var stored = message with { Sequence = State.Sequence + 1 };
        State.Sequence = stored.Sequence;
        State.UpdatedAt = stored.CreatedAt;
        State.Recent.Add(stored);
        return stored;
    }

    private static string MakeTitle(string text)
    {
        var line = text.AsSpan().Trim();
        var newline = line.IndexOf('\n');
        if (newline >= 0)
        {
            line = line[..newline].TrimEnd();
        }

        if (line.Length <= TitleLength)
        {
            return line.ToString();
        }

        // Never cut between the two halves of a surrogate pair (an emoji, say).
        var cut = char.IsHighSurrogate(line[TitleLength - 2]) ? TitleLength - 2 : TitleLength - 1;
        return string.Concat(line[..cut].TrimEnd(), "…");
    }
}
