using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// What a page shows of one conversation: a snapshot plus the stream events newer than it.
/// Not thread-safe; its owner calls it from one logical thread (the circuit's dispatcher).
/// </summary>
/// <remarks>
/// Order of use: <see cref="Reset"/> to a conversation, <see cref="BeginLoad"/>, subscribe, fetch the
/// snapshot, <see cref="Load"/>. Events arriving between <see cref="BeginLoad"/> and <see cref="Load"/>
/// are buffered and replayed on top of the snapshot, so nothing falls between the two.
/// </remarks>
public sealed class ConversationView
{
    private readonly List<ChatMessage> _messages = [];
    private readonly List<ConversationEvent> _buffered = [];
    private long _loadToken;
    private Announcer _announcer = new();

    public ConversationId? ConversationId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    /// <summary>The sequence of the newest durable message shown (0 when none).</summary>
    public long Sequence { get; private set; }

    public IReadOnlyList<ChatMessage> Messages => _messages;

    public bool HasOlder { get; private set; }

    /// <summary>The model and instructions of the next reply, as the snapshot and later changes (any tab's) left them.</summary>
    public ConversationSettings? Settings { get; private set; }

    /// <summary>The reply being streamed, as far as it has come.</summary>
    public ReplyInProgress? InProgress { get; private set; }

    /// <summary>Whether a snapshot of the current conversation has been applied.</summary>
    public bool IsLoaded { get; private set; }

    /// <summary>Whether a snapshot is being fetched; events are buffered meanwhile.</summary>
    public bool IsLoading { get; private set; }

    /// <summary>The conversation does not exist or is not the user's.</summary>
    public bool NotFound { get; private set; }

    /// <summary>The conversation was deleted while shown (here or in another tab).</summary>
    public bool IsDeleted { get; private set; }

    /// <summary>
    /// A sentence for screen readers about the newest reply that arrived while the page was open (not the
    /// ones loaded with the snapshot); the page puts it in an <c>aria-live</c> region.
    /// </summary>
    public string Announcement => _announcer.Text;

    /// <summary>Whether the bot is writing or about to write: the page offers Stop and hides Regenerate.</summary>
    public bool IsReplying => InProgress is not null || AwaitingReply;

    /// <summary>The newest message is the user's and no reply has started yet.</summary>
    public bool AwaitingReply => IsLoaded && InProgress is null && _messages.Count > 0 && _messages[^1].Role == ChatRole.User;

    /// <summary>Switches to another conversation, forgetting everything about the previous one.</summary>
    public void Reset(ConversationId conversationId)
    {
        ConversationId = conversationId;
        Title = string.Empty;
        Sequence = 0;
        _messages.Clear();
        _buffered.Clear();
        HasOlder = false;
        Settings = null;
        InProgress = null;
        IsLoaded = false;
        IsLoading = false;
        NotFound = false;
        IsDeleted = false;
        _announcer = new Announcer();
        _loadToken++;
    }

    /// <summary>Starts buffering events until the snapshot of this load arrives; keeps what is shown meanwhile.</summary>
    /// <returns>The token <see cref="Load"/> must present; only the newest load counts.</returns>
    public long BeginLoad()
    {
        IsLoading = true;
        _buffered.Clear();
        return ++_loadToken;
    }

    /// <summary>Applies a snapshot fetched after <see cref="BeginLoad"/>, then the events buffered meanwhile.</summary>
    /// <param name="loadToken">What <see cref="BeginLoad"/> returned.</param>
    /// <param name="snapshot">The snapshot, or <c>null</c> when the conversation was not found.</param>
    public ViewUpdate Load(long loadToken, ConversationSnapshot? snapshot)
    {
        if (loadToken != _loadToken || !IsLoading || (snapshot is not null && snapshot.Id != ConversationId))
        {
            return ViewUpdate.Ignored;
        }

        IsLoading = false;
        var buffered = _buffered.ToArray();
        _buffered.Clear();
        _messages.Clear();
        if (snapshot is null)
        {
            // Gone while shown, or deleted while this load ran: the page may have missed the deletion's event.
            if (IsLoaded || buffered.Any(e => e is ConversationDeleted))
            {
                return ApplyDeleted();
            }

            NotFound = true;
            IsLoaded = false;
            Sequence = 0;
            InProgress = null;
            return ViewUpdate.Applied;
        }

        NotFound = false;
        IsLoaded = true;
        Title = snapshot.Title;
        Sequence = snapshot.Sequence;
        HasOlder = snapshot.HasOlder;
        Settings = snapshot.Settings;
        InProgress = snapshot.InProgress;
        _messages.AddRange(snapshot.Messages);
        foreach (var buffer in buffered)
        {
            if (Apply(buffer) == ViewUpdate.ReloadNeeded)
            {
                return ViewUpdate.ReloadNeeded;
            }
        }

        return ViewUpdate.Applied;
    }

    /// <summary>Applies one stream event (or buffers it while a load is under way).</summary>
    public ViewUpdate Apply(ConversationEvent conversationEvent)
    {
        if (ConversationId is not { } current || conversationEvent.ConversationId != current)
        {
            return ViewUpdate.Ignored;
        }

        if (IsLoading)
        {
            _buffered.Add(conversationEvent);
            return ViewUpdate.Ignored;
        }

        if (!IsLoaded)
        {
            return ViewUpdate.Ignored;
        }

        return conversationEvent switch
        {
            MessageAdded added => ApplyMessage(added.Message),
            ReplyCompleted completed => ApplyMessage(completed.Message),
            ReplyFailed failed => ApplyMessage(failed.Message),
            ReplyDelta delta => ApplyDelta(delta),
            ConversationRenamed renamed => ApplyTitle(renamed.Title),
            SettingsChanged changed => ConfirmSettings(changed.Settings),
            ConversationDeleted => ApplyDeleted(),
            VersionSelected => ViewUpdate.ReloadNeeded,
            _ => ViewUpdate.Ignored,
        };
    }

    /// <summary>
    /// Shows a message the page's own call stored, whether or not its stream event has come (the event then
    /// finds it shown). During a load the snapshot or the buffered events bring it instead.
    /// </summary>
    public ViewUpdate Confirm(ChatMessage message) =>
        ConversationId is null || !IsLoaded || IsLoading ? ViewUpdate.Ignored : ApplyMessage(message);

    /// <summary>Shows settings the page's own call stored at once; their event brings the same a moment later.</summary>
    public ViewUpdate ConfirmSettings(ConversationSettings settings)
    {
        if (!IsLoaded || IsLoading)
        {
            return ViewUpdate.Ignored;
        }

        Settings = settings;
        return ViewUpdate.Applied;
    }

    /// <summary>Whether the page offers Regenerate for this message (see <see cref="MessageActions"/>).</summary>
    public bool IsRegenerable(ChatMessage message) => IsLoaded && MessageActions.IsRegenerable(_messages, IsReplying, message);

    /// <summary>Whether the page offers a retry for this message (see <see cref="MessageActions"/>).</summary>
    public bool IsRetryable(ChatMessage message) => MessageActions.IsRetryable(_messages, InProgress, message);

    private ViewUpdate ApplyMessage(ChatMessage message)
    {
        if (message.Sequence <= Sequence)
        {
            return ViewUpdate.Ignored;
        }

        // A fork (an edit, a regenerated reply) does not continue what is shown: the path changed.
        if (message.Sequence > Sequence + 1 || message.Parent is not null)
        {
            return ViewUpdate.ReloadNeeded;
        }

        _messages.Add(message);
        Sequence = message.Sequence;
        if (message.Role == ChatRole.Assistant)
        {
            _announcer.Say(ReplyAnnouncement.Of(message));
            if (InProgress is { } progress && progress.ReplyTo == message.ReplyTo)
            {
                InProgress = null;
            }
        }

        return ViewUpdate.Applied;
    }

    private ViewUpdate ApplyTitle(string title)
    {
        Title = title;
        return ViewUpdate.Applied;
    }

    private ViewUpdate ApplyDeleted()
    {
        IsDeleted = true;
        IsLoaded = false;
        NotFound = true;
        InProgress = null;
        _messages.Clear();
        return ViewUpdate.Applied;
    }

    private ViewUpdate ApplyDelta(ReplyDelta delta)
    {
        var update = ReplyDeltas.Join(InProgress, delta, _messages, out var joined);
        InProgress = update == ViewUpdate.Applied ? joined : InProgress;
        return update;
    }
}
