using System.Collections.Concurrent;
using ChatbotOrleans.Grains.Abstractions;
using Orleans.Streams;

namespace ChatbotOrleans.Bench.Chats;

/// <summary>
/// One conversation as a page sees it: its grain, its owner, and (once subscribed) its stream, whose
/// events complete the <see cref="Turn"/>s sent through this probe.
/// </summary>
public sealed class ChatProbe(IClusterClient client, UserId owner, ConversationId id)
{
    private readonly ConcurrentDictionary<MessageId, Turn> _turns = new();
    private StreamSubscriptionHandle<ConversationEvent>? _subscription;

    public UserId Owner { get; } = owner;

    public ConversationId Id { get; } = id;

    public IConversationGrain Grain { get; } = client.GetGrain<IConversationGrain>(id.Value);

    public async Task SubscribeAsync()
    {
        var stream = client.GetStreamProvider(ConversationStreams.ProviderName)
            .GetStream<ConversationEvent>(StreamId.Create(ConversationStreams.Namespace, Id.Value));
        _subscription = await stream.SubscribeAsync(OnEventAsync);
    }

    public async Task UnsubscribeAsync()
    {
        if (_subscription is not null)
        {
            await _subscription.UnsubscribeAsync();
            _subscription = null;
        }
    }

    /// <summary>Sends a user message of about <paramref name="characters"/> characters; returns its turn once the grain accepted it.</summary>
    public async Task<Turn> SendAsync(int characters)
    {
        var turn = Track(MessageId.New());
        var result = await Grain.SendAsync(Owner, new SendMessage(turn.Id, MessageText.Make(turn.Id, characters)));
        turn.OnAccepted();
        if (result.Outcome != ChangeOutcome.Accepted)
        {
            throw new InvalidOperationException($"The send was not accepted: {result.Outcome} {result.Error}");
        }

        return turn;
    }

    /// <summary>A turn whose events this probe will complete, made before its message is sent (a retried send keeps its id).</summary>
    public Turn Track(MessageId id)
    {
        var turn = new Turn(id);
        _turns[id] = turn;
        return turn;
    }

    /// <summary>Forgets finished turns so a long run does not keep them all.</summary>
    public void Forget(Turn turn) => _turns.TryRemove(turn.Id, out _);

    /// <summary>Waits until every reply owed in the conversation is stored (by polling its snapshot).</summary>
    public async Task WaitUntilIdleAsync(long expectedSequence, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var snapshot = await Grain.GetSnapshotAsync(Owner) ?? throw new InvalidOperationException("The conversation is gone.");
            if (snapshot.Sequence >= expectedSequence && snapshot.QueuedReplies == 0 && snapshot.InProgress is null)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Conversation {Id} stayed at sequence {snapshot.Sequence} with {snapshot.QueuedReplies} replies queued.");
            }

            await Task.Delay(50);
        }
    }

    private Task OnEventAsync(ConversationEvent e, StreamSequenceToken? token)
    {
        switch (e)
        {
            case MessageAdded added when _turns.TryGetValue(added.Message.Id, out var turn):
                turn.OnAdded();
                break;
            case ReplyDelta delta when _turns.TryGetValue(delta.ReplyTo, out var turn):
                turn.OnDelta(delta);
                break;
            case ReplyCompleted or ReplyFailed:
                var reply = e is ReplyCompleted completed ? completed.Message : ((ReplyFailed)e).Message;
                if (reply.ReplyTo is { } to && _turns.TryGetValue(to, out var answered))
                {
                    answered.OnReply(reply);
                }

                break;
        }

        return Task.CompletedTask;
    }
}
