using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.TestSupport;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ReplyRecoveryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_reply_cut_off_by_deactivation_is_finished_by_the_reply_sweep_exactly_once_without_any_call()
    {
        // The activation dies mid-stream; nothing calls the grain afterwards. Only the user message's row
        // in the log says a reply is owed: a send registers no reminder.
        var (user, conversation, held) = await fixture.CutOffReplyAndAwaitRestartAsync("the reply sweep");
        var snapshot = await conversation.WaitForSequenceAsync(user, 2);
        var calls = await Poll.StaysTrueForAsync(() => fixture.Model.CallsFor(held), c => c == 2, "the cut-off call and one more");
        var settled = await conversation.GetSnapshotAsync(user);

        snapshot.Messages.Select(m => (m.Role, m.Text)).ShouldBe(
        [
            (ChatRole.User, held),
            (ChatRole.Assistant, "Reply to: " + held),
        ]);
        snapshot.QueuedReplies.ShouldBe(0);
        calls.ShouldBe(2);
        settled!.Sequence.ShouldBe(2, "no second reply came after the first");
    }

    [Fact]
    public async Task A_reply_owed_after_a_crash_asks_the_model_once_when_the_activation_the_sweep_and_resumes_all_wake_it_at_once()
    {
        // The activation dies mid-stream and the model keeps holding: every wake-up below lands while the
        // resumed attempt is still streaming, the moment a second attempt could start.
        var (user, conversation) = await fixture.NewConversationAsync();
        var held = $"hold: {Guid.NewGuid():N}";
        await conversation.SendAsync(user, new SendMessage(MessageId.New(), held), TestContext.Current.CancellationToken);
        await fixture.Model.WhenHoldingAsync(held);
        await fixture.Cluster.DeactivateAsync(conversation);
        await fixture.Cluster.WaitForDeactivationAsync(conversation);
        fixture.Model.WasCancelled(held).ShouldBeTrue("the cut-off attempt's request was cancelled with its activation");

        var lifecycle = fixture.Client.GetGrain<IInternalConversationGrain>(conversation.GetPrimaryKey());
        var sweep = fixture.Client.GetGrain<IReplySweepGrain>(0);
        await Task.WhenAll(
        [
            .. Enumerable.Range(0, 8).Select(_ => lifecycle.ResumeRepliesAsync()),
            sweep.SweepAsync(),
            sweep.SweepAsync(),
            conversation.GetSnapshotAsync(user),
        ]);
        await Poll.UntilAsync(() => Task.FromResult(fixture.Model.CallsFor(held)), c => c >= 2, TimeSpan.FromSeconds(30), "the reply to be asked again");
        await Poll.StaysTrueForAsync(() => fixture.Model.CallsFor(held), c => c == 2, "one attempt in flight while it streams");
        fixture.Model.Release(held);
        var snapshot = await conversation.WaitForSequenceAsync(user, 2);
        var calls = await Poll.StaysTrueForAsync(() => fixture.Model.CallsFor(held), c => c == 2, "no attempt after the reply was stored");
        var settled = await conversation.GetSnapshotAsync(user);

        snapshot.Messages.Select(m => (m.Role, m.Text)).ShouldBe([(ChatRole.User, held), (ChatRole.Assistant, "Reply to: " + held)]);
        calls.ShouldBe(2, "the cut-off attempt and the one that answered");
        settled!.Sequence.ShouldBe(2);
    }

    [Fact]
    public async Task Every_event_reaches_a_subscriber_in_order_with_contiguous_sequences_and_offsets()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        var id = (await conversation.GetSnapshotAsync(user))!.Id;
        await using var events = await EventRecorder.SubscribeAsync(fixture.Client, id);

        await conversation.SendAsync(user, new SendMessage(MessageId.New(), "first"), TestContext.Current.CancellationToken);
        await conversation.SendAsync(user, new SendMessage(MessageId.New(), "second"), TestContext.Current.CancellationToken);
        var received = await events.WaitForDurableAsync(4);

        var durable = received.Select(e => e switch
        {
            MessageAdded a => a.Message,
            ReplyCompleted c => c.Message,
            ReplyFailed f => f.Message,
            _ => null,
        }).OfType<ChatMessage>().ToList();
        durable.Select(m => m.Sequence).ShouldBe([1L, 2L, 3L, 4L]);
        // A fast reply may be stored before the second send: both orders are right, but each reply
        // follows its own message and the replies come in the order of the messages.
        durable.Where(m => m.Role == ChatRole.User).Select(m => m.Text).ShouldBe(["first", "second"]);
        durable.Where(m => m.Role == ChatRole.Assistant).Select(m => m.Text).ShouldBe(["Reply to: first", "Reply to: second"]);
        durable.Where(m => m.Role == ChatRole.Assistant)
            .ShouldAllBe(reply => durable.Single(m => m.Id == reply.ReplyTo).Sequence < reply.Sequence);
        foreach (var reply in durable.Where(m => m.Role == ChatRole.Assistant))
        {
            var deltas = received.OfType<ReplyDelta>().Where(d => d.ReplyTo == reply.ReplyTo).ToList();
            deltas.Select(d => d.Offset).ShouldBe(deltas.Select((_, i) => deltas.Take(i).Sum(d => d.Text.Length)));
            string.Concat(deltas.Select(d => d.Text)).ShouldBe(reply.Text);
        }
    }
}
