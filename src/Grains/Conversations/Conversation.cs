using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// The conversation's rules: numbering, idempotent sends, the reply queue (exactly one stored reply per
/// user message) and the window of newest messages held in memory. No I/O: the grain appends each new
/// message to the log and writes the metadata state only when <see cref="NeedsStateWrite"/> says so.
/// </summary>
public sealed class Conversation
{
    private readonly ConversationOptions _options;
    private readonly List<ChatMessage> _recent;

    /// <summary>User messages owed a reply, oldest first.</summary>
    private readonly List<MessageId> _pending = [];

    private readonly SentIds _sent;

    /// <param name="state">The stored metadata.</param>
    /// <param name="stored">The newest messages from the log, oldest first.</param>
    /// <param name="options">The conversation rules.</param>
    /// <param name="earlier">Messages from the log before <paramref name="stored"/> sent within the idempotency period.</param>
    public Conversation(ConversationState state, IReadOnlyList<ChatMessage> stored, ConversationOptions options, IReadOnlyList<ChatMessage>? earlier = null)
    {
        State = state;
        _options = options;
        _sent = new SentIds(options.SendIdempotencyPeriod);
        foreach (var message in earlier ?? [])
        {
            _sent.Remember(message);
        }

        _recent = [.. stored];
        foreach (var message in _recent.Where(m => m.Role == ChatRole.User && !_recent.Any(r => r.ReplyTo == m.Id)))
        {
            _pending.Add(message.Id);
        }

        // A request answered after the state was last written is dropped here; one still owed joins the queue.
        foreach (var request in State.ReplyRequests.ToList())
        {
            if (IsAnswered(request) || _recent.Find(m => m.Id == request.Message && m.Role == ChatRole.User) is null)
            {
                State.ReplyRequests.Remove(request);
            }
            else if (!_pending.Contains(request.Message))
            {
                _pending.Add(request.Message);
            }
        }
    }

    public ConversationState State { get; }

    /// <summary>The newest messages, oldest first: at least the window's size, and every one still owed a reply.</summary>
    public IReadOnlyList<ChatMessage> Recent => _recent;

    public bool Exists => State.OwnerId != Guid.Empty;

    /// <summary>The newest message's number (0 before the first).</summary>
    public long Sequence => _recent.Count > 0 ? Math.Max(State.Sequence, _recent[^1].Sequence) : State.Sequence;

    /// <summary>When the conversation last changed: its newest message, or its creation.</summary>
    public DateTimeOffset UpdatedAt => _recent.Count > 0 && _recent[^1].CreatedAt > State.UpdatedAt ? _recent[^1].CreatedAt : State.UpdatedAt;

    /// <summary>Whether older messages than <see cref="Recent"/>'s first are in the log.</summary>
    public bool HasOlder => _recent.Count > 0 ? _recent[0].Sequence > 1 : Sequence > 0;

    /// <summary>Whether the metadata changed since it was last written (a title, a reply request).</summary>
    public bool NeedsStateWrite { get; private set; }

    public bool IsOwnedBy(UserId user) => Exists && State.OwnerId == user.Value;

    /// <summary>Whether nothing has happened in the conversation for longer than the retention period.</summary>
    public bool IsExpired(DateTimeOffset now) => Exists && now - UpdatedAt > _options.RetentionPeriod;

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
            NeedsStateWrite = true;
        }
    }

    /// <summary>Brings the stored copies of the derived figures up to date, before the state is written.</summary>
    public void PrepareStateWrite()
    {
        State.Sequence = Sequence;
        State.UpdatedAt = UpdatedAt;
        NeedsStateWrite = false;
    }

    /// <summary>
    /// Stores the message unless a rule refuses it; only a message that would be stored spends the allowance
    /// (duplicates and rejections are free). Sends do not interleave, so the rules still hold after the wait.
    /// </summary>
    public async Task<ChangeResult> AddUserMessageAsync(SendMessage message, DateTimeOffset now, Allowance allowance)
    {
        if (Refusal(message, now, out var text) is { } refusal)
        {
            return refusal;
        }

        if (await allowance() is { } tooFast)
        {
            return ChangeResult.Refused(tooFast);
        }

        var stored = Append(new ChatMessage(message.Id, 0, ChatRole.User, text, now));
        _pending.Add(message.Id);
        if (State.Title.Length == 0)
        {
            State.Title = TitleRules.FromFirstMessage(text);
            NeedsStateWrite = true;
        }

        return new ChangeResult(ChangeOutcome.Accepted, stored);
    }

    private ChangeResult? Refusal(SendMessage message, DateTimeOffset now, out string text)
    {
        text = "";
        var existing = _recent.Find(m => m.Id == message.Id && m.Role == ChatRole.User) ?? _sent.Find(message.Id, message.Text, now);
        if (existing is not null)
        {
            return new ChangeResult(ChangeOutcome.Duplicate, existing);
        }

        if (message.Id.Value == Guid.Empty)
        {
            return ChangeResult.Refused("The message has no id; reload the page and send again.");
        }

        var (checkedText, error) = MessageRules.Check(message.Text, _options.MaxMessageLength);
        if (checkedText is null)
        {
            return ChangeResult.Refused(error);
        }

        text = checkedText;
        return null;
    }

    /// <summary>Queues another reply to a user message whose last reply failed or was stopped.</summary>
    public async Task<ChangeResult> RetryReplyAsync(MessageId userMessage, Allowance allowance)
    {
        if (RetryRefusal(userMessage, out var target) is { } refusal)
        {
            return refusal;
        }

        return await RequestAsync(target!, allowance);
    }

    private ChangeResult? RetryRefusal(MessageId userMessage, out ChatMessage? target)
    {
        target = _recent.Find(m => m.Id == userMessage && m.Role == ChatRole.User);
        if (target is null)
        {
            return ChangeResult.Refused("That message is no longer in this conversation's recent history.");
        }

        if (_pending.Contains(userMessage))
        {
            return new ChangeResult(ChangeOutcome.Duplicate, target);
        }

        var lastReply = _recent.FindLast(m => m.ReplyTo == userMessage);
        return lastReply is { Status: ReplyStatus.Complete }
            ? ChangeResult.Refused("That message already has a reply.")
            : null;
    }

    /// <summary>Queues another reply to the newest user message, once its last reply has ended.</summary>
    public async Task<ChangeResult> RegenerateAsync(Allowance allowance)
    {
        if (RegenerateRefusal(out var target) is { } refusal)
        {
            return refusal;
        }

        return await RequestAsync(target!, allowance);
    }

    private ChangeResult? RegenerateRefusal(out ChatMessage? target)
    {
        target = _recent.FindLast(m => m.Role == ChatRole.User);
        if (_pending.Count > 0)
        {
            return ChangeResult.Refused("A reply is being written; wait for it or stop it first.");
        }

        return target is not null ? null
            : _recent.Count == 0 ? ChangeResult.Refused("There is no message to answer yet.")
            : ChangeResult.Refused("The newest message has been answered too many times to hold in memory; send it again as a new message.");
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
        NeedsStateWrite = true;
        return null;
    }

    /// <summary>The user messages owed a reply, in the order they will be answered.</summary>
    public IReadOnlyList<MessageId> Pending => _pending;

    /// <summary>Whether a reply asked for again is owed (those are guarded by a reminder, sends by the log).</summary>
    public bool HasReplyRequests => State.ReplyRequests.Count > 0;

    /// <summary>The user message whose reply is owed first, if any.</summary>
    public ChatMessage? NextPending()
    {
        while (_pending.Count > 0)
        {
            var id = _pending[0];
            var message = _recent.Find(m => m.Id == id && m.Role == ChatRole.User);
            if (message is not null)
            {
                return message;
            }

            // Not in memory any more (cannot happen while owed, as the window keeps owed messages); answering
            // without its context would be wrong.
            _pending.RemoveAt(0);
        }

        return null;
    }

    /// <summary>The most messages one forward read of the log returns, so no call reads the whole log at once.</summary>
    public const int MaxReadAfter = 500;

    /// <summary>
    /// Up to <paramref name="maxCount"/> messages numbered below <paramref name="beforeSequence"/>: those held
    /// here, and how many older ones to read from the log before <c>ReadBefore</c>.
    /// </summary>
    public (IReadOnlyList<ChatMessage> Held, long ReadBefore, int ReadCount) HistoryBefore(long beforeSequence, int maxCount)
    {
        var found = _recent.Where(m => m.Sequence < beforeSequence).ToList();
        var oldestHeld = found.Count > 0 ? found[0].Sequence : Math.Min(beforeSequence, _recent.Count > 0 ? _recent[0].Sequence : long.MaxValue);
        var readCount = found.Count < maxCount && oldestHeld > 1 ? maxCount - found.Count : 0;
        return (found.Count <= maxCount ? found : found.GetRange(found.Count - maxCount, maxCount), oldestHeld, readCount);
    }

    public IReadOnlyList<ChatTurn> ContextFor(MessageId replyTo) =>
        ContextWindow.Build(_recent, replyTo, _options.ContextCharacterBudget);

    /// <summary>Records the reply to <paramref name="replyTo"/> and takes it off the queue.</summary>
    public ChatMessage AddReply(MessageId replyTo, string text, string model, ReplyStatus status, string? error, DateTimeOffset now)
    {
        _pending.Remove(replyTo);

        // The stored request, if any, is answered by this reply's row: no state write is needed for it.
        State.ReplyRequests.RemoveAll(r => r.Message == replyTo);
        return Append(new ChatMessage(MessageId.New(), 0, ChatRole.Assistant, text, now, replyTo, status, model, error));
    }

    public ConversationSnapshot Snapshot(ConversationId id, ReplyInProgress? inProgress) =>
        new(id, State.Title, Sequence, [.. _recent], HasOlder, inProgress, _pending.Count);

    private async Task<ChangeResult> RequestAsync(ChatMessage userMessage, Allowance allowance)
    {
        if (await allowance() is { } tooFast)
        {
            return ChangeResult.Refused(tooFast);
        }

        _pending.Add(userMessage.Id);
        State.ReplyRequests.Add(new ReplyRequest(userMessage.Id, Sequence));
        NeedsStateWrite = true;
        return new ChangeResult(ChangeOutcome.Accepted, userMessage);
    }

    private bool IsAnswered(ReplyRequest request) =>
        _recent.Exists(m => m.ReplyTo == request.Message && m.Sequence > request.AfterSequence);

    private ChatMessage Append(ChatMessage message)
    {
        // Kept to the microsecond, as the log stores it, so a message reads back exactly as it was sent.
        var createdAt = message.CreatedAt.AddTicks(-(message.CreatedAt.Ticks % 10));
        var stored = message with { Sequence = Sequence + 1, CreatedAt = createdAt };
        _recent.Add(stored);
        Trim();
        return stored;
    }

    /// <summary>Forgets the oldest messages beyond the window's size, never one still owed a reply or after it.</summary>
    private void Trim()
    {
        var excess = _recent.Count - _options.WindowSize;
        if (excess <= 0)
        {
            return;
        }

        var oldestOwed = _pending.Count == 0 ? long.MaxValue
            : _recent.Where(m => m.Role == ChatRole.User && _pending.Contains(m.Id)).Select(m => m.Sequence).DefaultIfEmpty(long.MaxValue).Min();
        var removable = 0;
        while (removable < excess && _recent[removable].Sequence < oldestOwed)
        {
            removable++;
        }

        foreach (var message in _recent.Take(removable))
        {
            _sent.Remember(message);
        }

        _recent.RemoveRange(0, removable);
    }
}
