using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;
using static ChatbotOrleans.Domain.Tests.Conversations.Replies.TestReplyWriters;

namespace ChatbotOrleans.Domain.Tests.Conversations.Replies;

public sealed class ReplyWriterTests
{
    [Fact]
    public async Task The_owed_reply_is_published_fragment_by_fragment_at_its_offsets_then_stored_and_published_whole()
    {
        var (conversation, host, question) = Owing();
        using var writer = Writer(host, new ScriptedModel(["Hel", "lo", "!"]));

        writer.Start(conversation);
        var reply = await host.Ended.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        host.Published.OfType<ReplyDelta>().Select(d => (d.Offset, d.Text)).ShouldBe([(0, "Hel"), (3, "lo"), (5, "!")]);
        reply.ShouldBe(host.Stored.Single());
        (reply.Text, reply.ReplyTo, reply.Status, reply.Model).ShouldBe(("Hello!", question.Id, ReplyStatus.Complete, "scripted"));
        host.Published.Last().ShouldBe(new ReplyCompleted(host.Id, reply));
        conversation.NextPending().ShouldBeNull();
    }

    [Fact]
    public async Task Stop_cancels_the_model_and_keeps_what_arrived_as_a_stopped_reply()
    {
        var (conversation, host, question) = Owing();
        using var writer = Writer(host, new ScriptedModel(["partial"], holdOpen: true));

        writer.Start(conversation);
        await host.FirstDelta.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        var inProgress = writer.Current;
        writer.Stop();
        var reply = await host.Ended.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        inProgress.ShouldBe(new ReplyInProgress(question.Id, "partial", "scripted"));
        (reply.Text, reply.Status, reply.Error).ShouldBe(("partial", ReplyStatus.Stopped, (string?)null));
        writer.Current.ShouldBeNull();
    }

    [Theory]
    [InlineData(true, "The model is overloaded. Try again.")]
    [InlineData(false, "The bot could not answer because of an internal error. Try again.")]
    public async Task A_failing_model_gives_a_failed_reply_saying_why(bool modelSaysWhy, string expected)
    {
        var (conversation, host, _) = Owing();
        Exception failure = modelSaysWhy ? new ChatModelException("The model is overloaded. Try again.", isTransient: true) : new InvalidOperationException("bug");
        using var writer = Writer(host, new ScriptedModel(["some"], failure));

        writer.Start(conversation);
        var reply = await host.Ended.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        (reply.Text, reply.Status, reply.Error).ShouldBe(("some", ReplyStatus.Failed, expected));
        host.Published.Last().ShouldBe(new ReplyFailed(host.Id, reply));
    }

    [Fact]
    public async Task An_empty_reply_is_a_failed_one()
    {
        var (conversation, host, _) = Owing();
        using var writer = Writer(host, new ScriptedModel([]));

        writer.Start(conversation);
        var reply = await host.Ended.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        (reply.Status, reply.Error).ShouldBe((ReplyStatus.Failed, "The model sent an empty reply. Try again."));
    }

    [Fact]
    public async Task Closing_mid_reply_stores_nothing_and_leaves_the_reply_owed()
    {
        var (conversation, host, question) = Owing();
        using var writer = Writer(host, new ScriptedModel(["partial"], holdOpen: true));

        writer.Start(conversation);
        await host.FirstDelta.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        await writer.CloseAndWaitAsync(TestContext.Current.CancellationToken).WaitAsync(Deadline, TestContext.Current.CancellationToken);

        host.Stored.ShouldBeEmpty();
        host.Published.ShouldAllBe(e => e is ReplyDelta);
        conversation.NextPending().ShouldBe(question);
    }

    [Fact]
    public async Task Closing_mid_reply_leaves_it_owed_even_when_the_model_answers_the_cancellation_with_an_io_error()
    {
        // Not a stop by the user: stored as "Stopped", the cut-off text would have been the reply for good.
        var (conversation, host, question) = Owing();
        using var writer = Writer(host, new ScriptedModel(["partial"], holdOpen: true, cancelledWith: new IOException("The response ended prematurely.")));

        writer.Start(conversation);
        await host.FirstDelta.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        await writer.CloseAndWaitAsync(TestContext.Current.CancellationToken).WaitAsync(Deadline, TestContext.Current.CancellationToken);

        host.Stored.ShouldBeEmpty();
        conversation.NextPending().ShouldBe(question);
    }

    [Fact]
    public async Task Finishing_lets_the_reply_in_progress_be_stored_and_starts_no_other()
    {
        var (conversation, host, question) = Owing();
        var second = conversation.Send("a second question");
        var release = new TaskCompletionSource();
        var model = new ScriptedModel(["Hel", "lo"], until: release.Task);
        using var writer = Writer(host, model);

        writer.Start(conversation);
        await host.FirstDelta.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        var finishing = writer.FinishAndCloseAsync(TestContext.Current.CancellationToken);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        finishing.IsCompleted.ShouldBeFalse("the reply in progress is waited for");
        release.SetResult();
        await finishing.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        var stored = host.Stored.ShouldHaveSingleItem();
        (stored.ReplyTo, stored.Text, stored.Status).ShouldBe((question.Id, "Hello", ReplyStatus.Complete));
        model.Requests.ShouldBe(1, "the second question is left to the next activation");
        conversation.NextPending().ShouldBe(second);
    }

    [Fact]
    public async Task Finishing_out_of_time_cuts_the_reply_off_and_leaves_it_owed()
    {
        var (conversation, host, question) = Owing();
        using var writer = Writer(host, new ScriptedModel(["partial"], holdOpen: true));
        using var shutdown = new CancellationTokenSource();

        writer.Start(conversation);
        await host.FirstDelta.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        var finishing = writer.FinishAndCloseAsync(shutdown.Token);
        await shutdown.CancelAsync();
        await finishing.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        await Task.Delay(100, TestContext.Current.CancellationToken);

        host.Stored.ShouldBeEmpty();
        conversation.NextPending().ShouldBe(question);
    }

    [Fact]
    public async Task A_reply_that_cannot_be_stored_is_not_published_and_the_loop_ends()
    {
        var (conversation, host, _) = Owing();
        conversation.Send("a second question");
        host.StoreFailure = new InvalidOperationException("the database is down");
        var model = new ScriptedModel(["answer"]);
        using var writer = Writer(host, model);

        writer.Start(conversation);
        await host.StoreTried.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        await writer.CloseAndWaitAsync(TestContext.Current.CancellationToken).WaitAsync(Deadline, TestContext.Current.CancellationToken);

        host.Published.ShouldAllBe(e => e is ReplyDelta);
        model.Requests.ShouldBe(1, "the second question waits for the next activation");
    }

    [Fact]
    public async Task The_guard_reminder_is_registered_once_and_dropped_by_the_first_tick_that_finds_nothing_owed()
    {
        var (conversation, host, _) = Owing();
        using var writer = Writer(host, new ScriptedModel(["done"]));

        await writer.GuardAsync();
        await writer.GuardAsync();
        await writer.OnGuardTickAsync(conversation);
        await host.Ended.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        await writer.CloseAndWaitAsync(TestContext.Current.CancellationToken).WaitAsync(Deadline, TestContext.Current.CancellationToken);
        await writer.OnGuardTickAsync(conversation);
        await writer.GuardAsync();

        (host.GuardRegistrations, host.GuardRemovals).ShouldBe((2, 1));
        host.Stored.Count.ShouldBe(1, "the first tick resumed the owed reply");
    }
}
