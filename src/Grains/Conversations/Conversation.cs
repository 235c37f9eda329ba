using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// The conversation's rules: numbering, idempotent sends, edits and versions, and the window of newest messages
/// held in memory; what is owed a reply is its <see cref="ReplyQueue"/>'s. No I/O: the grain appends each new
/// message to the log and writes the metadata state only when <see cref="NeedsStateWrite"/> says so.
/// </summary>
public sealed class Conversation
{
    private readonly ConversationOptions _options;
    private readonly RecentMessages _recent;
    private readonly ReplyQueue _replies;
    private readonly SentIds _sent;

    /// <param name="state">The stored metadata.</param>
    /// <param name="stored">The newest messages from the log, oldest first.</param>
    /// <param name="options">The conversation rules.</param>
    /// <param name="earlier">Messages from the log before <paramref name="stored"/> sent within the idempotency period.</param>
    /// <param name="path">The tree of versions; <paramref name="stored"/> are then the newest of its current path.</param>
    public Conversation(
        ConversationState state, IReadOnlyList<ChatMessage> stored, ConversationOptions options, IReadOnlyList<ChatMessage>? earlier = null, ConversationPath? path = null)
    {
        State = state;
        _options = options;
        Path = path ?? new ConversationPath([], Math.Max(state.Sequence, stored.Count > 0 ? stored[^1].Sequence : 0), state.PathTip, state.PathTipAt);
        _sent = new SentIds(options.SendIdempotencyPeriod);
        _sent.Remember(earlier ?? []);

        _recent = new RecentMessages(stored, options.WindowSize, _sent);
        _replies = new ReplyQueue(_recent, State.ReplyRequests);
    }

    public ConversationState State { get; }

    /// <summary>The versions of the messages and the path through them that <see cref="Recent"/> ends.</summary>
    public ConversationPath Path { get; }

    /// <summary>The newest messages, oldest first: at least the window's size, and every one still owed a reply.</summary>
    public IReadOnlyList<ChatMessage> Recent => _recent.Items;

    public bool Exists => State.OwnerId != Guid.Empty;

    /// <summary>The newest message's number (0 before the first).</summary>
    public long Sequence => Math.Max(State.Sequence, Path.Newest);

    /// <summary>When the conversation last changed: its newest message, or its creation.</summary>
    public DateTimeOffset UpdatedAt => _recent.Newest is { } newest && newest.CreatedAt > State.UpdatedAt ? newest.CreatedAt : State.UpdatedAt;

    /// <summary>Whether older messages than <see cref="Recent"/>'s first are in the log.</summary>
    public bool HasOlder => _recent.Oldest is { } oldest ? Path.ParentOf(oldest.Sequence) > 0 : Sequence > 0;

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
        (State.PathTip, State.PathTipAt) = Path.Selection;
        NeedsStateWrite = false;
    }

    /// <summary>
    /// Stores the message unless a rule refuses it; only a message that would be stored spends the allowance
    /// (duplicates and rejections are free). Sends do not interleave, so the rules still hold after the wait. An
    /// edit passes <c>fork</c>, which moves the path's end once the message is sure to be stored.
    /// </summary>
    public async Task<ChangeResult> AddUserMessageAsync(SendMessage message, DateTimeOffset now, Allowance allowance, Action? fork = null)
    {
        if (Refusal(message, now, out var text) is { } refusal)
        {
            return refusal;
        }

        if (await allowance() is { } tooFast)
        {
            return ChangeResult.Refused(tooFast);
        }

        fork?.Invoke();
        var stored = Append(new ChatMessage(message.Id, 0, ChatRole.User, text, now));
        _replies.Add(message.Id);
        if (State.Title.Length == 0)
        {
            State.Title = TitleRules.FromFirstMessage(text);
            NeedsStateWrite = true;
        }

        return new ChangeResult(ChangeOutcome.Accepted, stored);
    }

    /// <summary>
    /// Stores a new version of a user message of the current path; the path goes on from it, the earlier version
    /// stays in the log. One older than the window (<see cref="EditRules.OlderTarget"/>) comes with
    /// <paramref name="older"/>: the path up to it, from the log; an edit without it is looked for in the window.
    /// </summary>
    public async Task<ChangeResult> EditAsync(EditMessage edit, DateTimeOffset now, Allowance allowance, IReadOnlyList<ChatMessage>? older = null)
    {
        var send = new SendMessage(edit.Id, edit.Text);
        return Duplicate(send, now) ?? EditRules.Refusal(edit, older ?? _recent.Items, _replies.IsReplying, out var original)
            ?? await AddUserMessageAsync(send, now, allowance, () => Fork(original!.Sequence, older));
    }

    /// <summary>Why the message numbered <paramref name="sequence"/> cannot be put on the path (see <see cref="EditRules.SelectRefusal"/>), or null.</summary>
    public ChangeResult? SelectRefusal(long sequence, out long tip) => EditRules.SelectRefusal(Path, sequence, _replies.IsReplying, out tip);

    /// <summary>The answer to a send or edit whose id was stored before; null when it is new.</summary>
    private ChangeResult? Duplicate(SendMessage message, DateTimeOffset now) =>
        (_recent.FindUserMessage(message.Id) ?? _sent.Find(message.Id, message.Text, now)) is { } existing
            ? new ChangeResult(ChangeOutcome.Duplicate, existing) : null;

    private ChangeResult? Refusal(SendMessage message, DateTimeOffset now, out string text)
    {
        var (checkedText, error) = MessageRules.Check(message, _options.MaxMessageLength);
        text = checkedText ?? "";
        return Duplicate(message, now) ?? (checkedText is null ? ChangeResult.Refused(error) : null);
    }

    /// <summary>Queues another reply to a user message whose last reply failed or was stopped.</summary>
    public async Task<ChangeResult> RetryReplyAsync(MessageId userMessage, Allowance allowance) =>
        ReplyRequestRules.RetryRefusal(_recent, _replies.Owed, userMessage, out var target) ?? await RequestAsync(target!, allowance);

    /// <summary>
    /// Queues another reply to the newest user message, once its last reply has ended. The reply it replaces stays in
    /// the log as an earlier version; the new one follows what that one followed.
    /// </summary>
    public async Task<ChangeResult> RegenerateAsync(Allowance allowance) =>
        ReplyRequestRules.RegenerateRefusal(_recent, _replies.IsReplying, out var target)
            ?? await RequestAsync(target!, allowance, () => Fork(_recent.Newest is { Role: ChatRole.Assistant } reply ? reply.Sequence : null));

    /// <summary>
    /// Ends the path before the message numbered <paramref name="sequence"/> (it stays in the log, an earlier version):
    /// the next message follows the one before it. The window then holds <paramref name="window"/>, if given.
    /// </summary>
    private void Fork(long? sequence, IReadOnlyList<ChatMessage>? window = null)
    {
        if (sequence is { } replaced)
        {
            Path.MoveTip(Path.ParentOf(replaced));
            if (window is not null)
            {
                _recent.Replace(window);
            }

            _recent.ForgetFrom(replaced);
            NeedsStateWrite |= !State.HasForks;
            State.HasForks = true;
        }
    }

    /// <summary>Shows another branch: <paramref name="window"/> holds the newest messages of the path ending at <paramref name="tip"/>.</summary>
    public void ShowBranch(long tip, IReadOnlyList<ChatMessage> window)
    {
        Path.MoveTip(tip);
        _recent.Replace(window);
        NeedsStateWrite = true;
    }

    /// <summary>Gives the conversation the user's title; returns an error sentence when it cannot be used.</summary>
    public string? Rename(string title)
    {
        var (checkedTitle, error) = TitleRules.Check(title);
        State.Title = checkedTitle ?? State.Title;
        NeedsStateWrite |= checkedTitle is not null;
        return error;
    }

    /// <summary>The user messages owed a reply, in the order they will be answered.</summary>
    public IReadOnlyList<MessageId> Pending => _replies.Owed;

    /// <summary>Whether a reply asked for again is owed (those are guarded by a reminder, sends by the log).</summary>
    public bool HasReplyRequests => _replies.HasRequests;

    /// <summary>The user message whose reply is owed first, if any.</summary>
    public ChatMessage? NextPending() => _replies.Next(_recent);

    /// <summary>
    /// Up to <paramref name="maxCount"/> messages numbered below <paramref name="beforeSequence"/>: those held
    /// here, and how many older ones to read from the log before <c>ReadBefore</c>.
    /// </summary>
    public (IReadOnlyList<ChatMessage> Held, long ReadBefore, int ReadCount) HistoryBefore(long beforeSequence, int maxCount) =>
        _recent.Before(beforeSequence, maxCount);

    public IReadOnlyList<ChatTurn> ContextFor(MessageId replyTo, int? characterBudget = null) =>
        ContextWindow.Build(_recent.Items, replyTo, characterBudget ?? _options.ContextCharacterBudget, State.Instructions);

    /// <summary>Records the reply to <paramref name="replyTo"/> and takes it off the queue.</summary>
    public ChatMessage AddReply(MessageId replyTo, string text, string model, ReplyStatus status, string? error, DateTimeOffset now, TokenUsage? usage = null)
    {
        _replies.Answered(replyTo);
        return Append(new ChatMessage(MessageId.New(), 0, ChatRole.Assistant, text, now, replyTo, status, model, error, usage));
    }

    private ChatMessage Append(ChatMessage message)
    {
        var stored = _recent.Append(message with { Parent = Path.ParentForNext() }, Sequence, _replies.Owed);
        Path.Added(stored);
        return stored;
    }

    public ConversationSnapshot Snapshot(ConversationId id, ReplyInProgress? inProgress) =>
        new(id, State.Title, Sequence, [.. Path.Describe(_recent.Items)], HasOlder, inProgress, _replies.Owed.Count);

    private async Task<ChangeResult> RequestAsync(ChatMessage userMessage, Allowance allowance, Action? fork = null)
    {
        if (await allowance() is { } tooFast)
        {
            return ChangeResult.Refused(tooFast);
        }

        fork?.Invoke();
        _replies.Request(userMessage.Id, Sequence);
        NeedsStateWrite = true;
        return new ChangeResult(ChangeOutcome.Accepted, userMessage);
    }
}
