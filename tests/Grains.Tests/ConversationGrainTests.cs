using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ConversationGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_sent_message_and_its_reply_are_stored_and_survive_deactivation()
    {
        var (user, conversation) = await fixture.NewConversationAsync();

        var sent = await conversation.SendAsync(user, new SendMessage(MessageId.New(), "hello"), TestContext.Current.CancellationToken);
        await WaitForSequenceAsync(user, conversation, 2);
        await fixture.Cluster.DeactivateAsync(conversation);
        await fixture.Cluster.WaitForDeactivationAsync(conversation);
        var reloaded = await conversation.GetSnapshotAsync(user);

        sent.Outcome.ShouldBe(ChangeOutcome.Accepted);
        reloaded.ShouldNotBeNull();
        reloaded.Sequence.ShouldBe(2);
        reloaded.Title.ShouldBe("hello");
        reloaded.Messages.Select(m => (m.Sequence, m.Role, m.Text)).ShouldBe(
        [
            (1L, ChatRole.User, "hello"),
            (2L, ChatRole.Assistant, "Reply to: hello"),
        ]);
        reloaded.Messages[1].ReplyTo.ShouldBe(sent.Message!.Id);
        reloaded.Messages[1].Model.ShouldBe("scripted");
    }

    [Fact]
    public async Task Sending_the_same_message_id_twice_stores_one_message_and_asks_the_model_once()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        var text = $"once {Guid.NewGuid():N}";
        var message = new SendMessage(MessageId.New(), text);

        var first = await conversation.SendAsync(user, message, TestContext.Current.CancellationToken);
        var second = await conversation.SendAsync(user, message, TestContext.Current.CancellationToken);
        await WaitForSequenceAsync(user, conversation, 2);
        var third = await conversation.SendAsync(user, message, TestContext.Current.CancellationToken);
        var snapshot = await conversation.GetSnapshotAsync(user);

        first.Outcome.ShouldBe(ChangeOutcome.Accepted);
        second.Outcome.ShouldBe(ChangeOutcome.Duplicate);
        third.Outcome.ShouldBe(ChangeOutcome.Duplicate);
        second.Message.ShouldBe(first.Message);
        snapshot!.Messages.Count(m => m.Role == ChatRole.User).ShouldBe(1);
        snapshot.Messages.Count(m => m.Role == ChatRole.Assistant).ShouldBe(1);
        fixture.Model.CallsFor(text).ShouldBe(1);
    }

    // The page stops waiting for a send after a few seconds (a silo that died never answers) and sends it again.
    // Tried: the caller's token cancelled at once after the call leaves, so that the first try is either never run or
    // run to its end without anyone waiting; either way the second try must leave one message and one reply.
    [Fact]
    public async Task A_send_its_caller_stopped_waiting_for_and_sent_again_is_stored_and_answered_once()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        var text = $"gave up {Guid.NewGuid():N}";
        var message = new SendMessage(MessageId.New(), text);

        using var patience = new CancellationTokenSource();
        var firstTry = conversation.SendAsync(user, message, patience.Token);
        await patience.CancelAsync();
        string first;
        try
        {
            first = $"the first try was answered before the cancel: {(await firstTry).Outcome}";
        }
        catch (OperationCanceledException)
        {
            first = "the caller stopped waiting for the first try";
        }

        var second = await conversation.SendAsync(user, message, TestContext.Current.CancellationToken);
        var snapshot = await WaitForSequenceAsync(user, conversation, 2);

        // A second reply, had the first try been run twice, would come within a second with this model.
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        second.Outcome.ShouldBeOneOf([ChangeOutcome.Accepted, ChangeOutcome.Duplicate], first);
        snapshot.Messages.Where(m => m.Role == ChatRole.User).Select(m => m.Id).ShouldBe([message.Id], first);
        (await conversation.GetSnapshotAsync(user))!.Sequence.ShouldBe(2, first);
        fixture.Model.CallsFor(text).ShouldBe(1, first);
    }

    [Fact]
    public async Task A_send_retried_after_more_messages_than_the_window_holds_is_still_one_message_also_after_deactivation()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        var text = $"early {Guid.NewGuid():N}";
        var early = new SendMessage(MessageId.New(), text);
        var first = await conversation.SendAsync(user, early, TestContext.Current.CancellationToken);
        await WaitForSequenceAsync(user, conversation, 2);
        for (var i = 1; i <= ClusterFixture.WindowSize; i++)
        {
            await conversation.SendAsync(user, new SendMessage(MessageId.New(), $"later {i}"), TestContext.Current.CancellationToken);
            await WaitForSequenceAsync(user, conversation, 2 + (2 * i));
        }

        var retried = await conversation.SendAsync(user, early, TestContext.Current.CancellationToken);
        await fixture.Cluster.DeactivateAsync(conversation);
        await fixture.Cluster.WaitForDeactivationAsync(conversation);
        var retriedAfterReload = await conversation.SendAsync(user, early, TestContext.Current.CancellationToken);
        var snapshot = await conversation.GetSnapshotAsync(user);

        snapshot!.Messages.ShouldNotContain(m => m.Id == early.Id, "the first send has left the window of recent messages");
        retried.Outcome.ShouldBe(ChangeOutcome.Duplicate);
        retriedAfterReload.Outcome.ShouldBe(ChangeOutcome.Duplicate);
        retriedAfterReload.Message!.Sequence.ShouldBe(first.Message!.Sequence);
        snapshot.Sequence.ShouldBe(2 + (2 * ClusterFixture.WindowSize), "nothing was stored for the retries");
        fixture.Model.CallsFor(text).ShouldBe(1);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \n\t ", "empty")]
    [InlineData("bad \u0000 byte", "control character")]
    public async Task A_rejected_message_gets_a_clear_error_and_stores_nothing(string text, string expectedWords)
    {
        var (user, conversation) = await fixture.NewConversationAsync();

        var result = await conversation.SendAsync(user, new SendMessage(MessageId.New(), text), TestContext.Current.CancellationToken);
        await fixture.Cluster.DeactivateAsync(conversation);
        await fixture.Cluster.WaitForDeactivationAsync(conversation);
        var snapshot = await conversation.GetSnapshotAsync(user);

        result.Outcome.ShouldBe(ChangeOutcome.Rejected);
        result.Error.ShouldNotBeNull().ShouldContain(expectedWords);
        snapshot!.Sequence.ShouldBe(0);
        snapshot.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_too_long_message_is_rejected_with_the_limit_in_words()
    {
        var (user, conversation) = await fixture.NewConversationAsync();

        var result = await conversation.SendAsync(user, new SendMessage(MessageId.New(), new string('x', 4_001)), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(ChangeOutcome.Rejected);
        result.Error.ShouldBe("The message is 4,001 characters long; the limit is 4,000. Shorten it and send again.");
    }

    [Fact]
    public async Task The_grain_answers_reads_and_new_sends_while_the_model_is_still_streaming()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        var held = $"hold: {Guid.NewGuid():N}";

        await conversation.SendAsync(user, new SendMessage(MessageId.New(), held), TestContext.Current.CancellationToken);
        await fixture.Model.WhenHoldingAsync(held);
        var during = await conversation.GetSnapshotAsync(user);
        var second = await conversation.SendAsync(user, new SendMessage(MessageId.New(), "second"), TestContext.Current.CancellationToken);
        fixture.Model.Release(held);
        var done = await WaitForSequenceAsync(user, conversation, 4);

        during!.InProgress.ShouldNotBeNull().Text.ShouldBe("Reply ");
        during.QueuedReplies.ShouldBe(1);
        second.Outcome.ShouldBe(ChangeOutcome.Accepted);
        done.InProgress.ShouldBeNull();
        done.Messages.Select(m => (m.Role, m.Text)).ShouldBe(
        [
            (ChatRole.User, held),
            (ChatRole.User, "second"),
            (ChatRole.Assistant, "Reply to: " + held),
            (ChatRole.Assistant, "Reply to: second"),
        ]);
    }

    [Fact]
    public async Task Another_user_can_neither_read_nor_write_the_conversation()
    {
        var (owner, conversation) = await fixture.NewConversationAsync();
        var (intruder, _) = await fixture.NewConversationAsync();
        await conversation.SendAsync(owner, new SendMessage(MessageId.New(), "private"), TestContext.Current.CancellationToken);

        var snapshot = await conversation.GetSnapshotAsync(intruder);
        var send = await conversation.SendAsync(intruder, new SendMessage(MessageId.New(), "let me in"), TestContext.Current.CancellationToken);
        var history = await conversation.GetHistoryAsync(intruder, long.MaxValue, 100);
        var ownerView = await WaitForSequenceAsync(owner, conversation, 2);

        snapshot.ShouldBeNull();
        send.Outcome.ShouldBe(ChangeOutcome.NotFound);
        history.ShouldBeEmpty();
        ownerView.Messages.ShouldNotContain(m => m.Text == "let me in");
    }

    [Fact]
    public async Task A_failed_reply_is_stored_with_its_reason_and_a_retry_answers_it()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        var text = $"fail-once: {Guid.NewGuid():N}";

        var sent = await conversation.SendAsync(user, new SendMessage(MessageId.New(), text), TestContext.Current.CancellationToken);
        var failed = await WaitForSequenceAsync(user, conversation, 2);
        var retry = await conversation.RetryReplyAsync(user, sent.Message!.Id);
        var answered = await WaitForSequenceAsync(user, conversation, 3);

        failed.Messages[1].Status.ShouldBe(ReplyStatus.Failed);
        failed.Messages[1].Error.ShouldBe("The model is rate limited; try again in a minute.");
        retry.Outcome.ShouldBe(ChangeOutcome.Accepted);
        answered.Messages[2].Status.ShouldBe(ReplyStatus.Complete);
        answered.Messages[2].Text.ShouldBe("Reply to: " + text);
        (await conversation.RetryReplyAsync(user, sent.Message.Id)).Outcome.ShouldBe(ChangeOutcome.Rejected);
    }

    [Fact]
    public async Task A_bug_in_the_model_becomes_a_failed_reply_without_internal_details()
    {
        var (user, conversation) = await fixture.NewConversationAsync();

        await conversation.SendAsync(user, new SendMessage(MessageId.New(), "boom: now"), TestContext.Current.CancellationToken);
        var snapshot = await WaitForSequenceAsync(user, conversation, 2);

        snapshot.Messages[1].Status.ShouldBe(ReplyStatus.Failed);
        snapshot.Messages[1].Error.ShouldNotBeNull().ShouldNotContain("bug in the model adapter");
    }

    private static Task<ConversationSnapshot> WaitForSequenceAsync(UserId user, IConversationGrain conversation, long sequence) =>
        conversation.WaitForSequenceAsync(user, sequence);
}
