using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// The user messages owed a reply, oldest first: exactly one stored reply per user message. A send is owed while
/// the log holds no reply to it; a reply asked for again (retry, regenerate) is owed by a stored
/// <see cref="ReplyRequest"/>, which the reply's own row answers, so answering it needs no state write.
/// </summary>
public sealed class ReplyQueue
{
    private readonly List<MessageId> _owed = [];
    private readonly List<ReplyRequest> _requests;

    /// <param name="recent">The messages held in memory: a user message among them without a reply is owed one.</param>
    /// <param name="requests">The stored requests (the state's list, changed in place).</param>
    public ReplyQueue(RecentMessages recent, List<ReplyRequest> requests)
    {
        _requests = requests;
        foreach (var message in recent.Items.Where(m => m.Role == ChatRole.User && !recent.HasReplyTo(m.Id)))
        {
            _owed.Add(message.Id);
        }

        // A request answered after the state was last written is dropped here; one still owed joins the queue.
        foreach (var request in requests.ToList())
        {
            if (recent.HasReplyTo(request.Message, request.AfterSequence) || recent.FindUserMessage(request.Message) is null)
            {
                requests.Remove(request);
            }
            else if (!_owed.Contains(request.Message))
            {
                _owed.Add(request.Message);
            }
        }
    }

    /// <summary>The user messages owed a reply, in the order they will be answered.</summary>
    public IReadOnlyList<MessageId> Owed => _owed;

    /// <summary>Whether a reply is owed or being written.</summary>
    public bool IsReplying => _owed.Count > 0;

    /// <summary>Whether a reply asked for again is owed (those are guarded by a reminder, sends by the log).</summary>
    public bool HasRequests => _requests.Count > 0;

    /// <summary>Queues the reply to a user message just stored.</summary>
    public void Add(MessageId userMessage) => _owed.Add(userMessage);

    /// <summary>Queues another reply to a user message answered before; the request must be stored with the state.</summary>
    /// <param name="userMessage">The message to answer again.</param>
    /// <param name="afterSequence">The conversation's newest sequence now: only a reply numbered after it answers the request.</param>
    public void Request(MessageId userMessage, long afterSequence)
    {
        _owed.Add(userMessage);
        _requests.Add(new ReplyRequest(userMessage, afterSequence));
    }

    /// <summary>Takes <paramref name="userMessage"/> off the queue: its reply is being stored.</summary>
    public void Answered(MessageId userMessage)
    {
        _owed.Remove(userMessage);
        _requests.RemoveAll(r => r.Message == userMessage);
    }

    /// <summary>The user message whose reply is owed first, if any, as <paramref name="recent"/> holds it.</summary>
    public ChatMessage? Next(RecentMessages recent)
    {
        while (_owed.Count > 0)
        {
            if (recent.FindUserMessage(_owed[0]) is { } message)
            {
                return message;
            }

            // Not in memory any more (cannot happen while owed, as the window keeps owed messages); answering
            // without its context would be wrong.
            _owed.RemoveAt(0);
        }

        return null;
    }
}
