using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Grains.Abstractions;
using Shouldly;
using static ChatbotOrleans.Frontend.Tests.Chat.ConversationFixture;

namespace ChatbotOrleans.Frontend.Tests.Chat;

/// <summary>The reply being streamed: how deltas grow it and how its end (completed, failed, retried) replaces it.</summary>
public sealed class ConversationViewReplyTests
{
    private readonly ConversationFixture _c = new();

    [Fact]
    public void Completion_clears_the_partial_reply_it_answers()
    {
        var question = User(1);
        var view = _c.Loaded(_c.Snapshot(question));
        view.Apply(_c.Delta(question.Id, 0, "Hel"));

        view.Apply(_c.Completed(Bot(2, question.Id, "Hello"))).ShouldBe(ViewUpdate.Applied);

        view.InProgress.ShouldBeNull();
        view.Messages[^1].Text.ShouldBe("Hello");
    }

    [Fact]
    public void Failure_clears_the_partial_reply_and_offers_a_retry()
    {
        var question = User(1);
        var view = _c.Loaded(_c.Snapshot(question));
        view.Apply(_c.Delta(question.Id, 0, "Hel"));
        var failed = Bot(2, question.Id, "Hel", ReplyStatus.Failed);

        view.Apply(_c.Failed(failed)).ShouldBe(ViewUpdate.Applied);

        view.InProgress.ShouldBeNull();
        view.IsRetryable(failed).ShouldBeTrue();
    }

    [Fact]
    public void Completion_of_another_reply_keeps_the_partial_one()
    {
        var first = User(1);
        var second = User(2);
        var view = _c.Loaded(_c.Snapshot(first, second));
        view.Apply(_c.Delta(second.Id, 0, "Par"));

        view.Apply(_c.Completed(Bot(3, first.Id))).ShouldBe(ViewUpdate.Applied);

        view.InProgress!.ReplyTo.ShouldBe(second.Id);
    }

    [Fact]
    public void Deltas_grow_the_reply_token_by_token()
    {
        var question = User(1);
        var view = _c.Loaded(_c.Snapshot(question));

        view.Apply(_c.Delta(question.Id, 0, "He")).ShouldBe(ViewUpdate.Applied);
        view.Apply(_c.Delta(question.Id, 2, "llo")).ShouldBe(ViewUpdate.Applied);

        view.InProgress!.Text.ShouldBe("Hello");
        view.InProgress.Model.ShouldBe("offline");
    }

    [Fact]
    public void Overlapping_delta_appends_only_the_new_part()
    {
        var question = User(1);
        var view = _c.Loaded(_c.Snapshot(new ReplyInProgress(question.Id, "Hello", "offline"), question));

        view.Apply(_c.Delta(question.Id, 3, "lo wor")).ShouldBe(ViewUpdate.Applied);
        view.Apply(_c.Delta(question.Id, 0, "Hello")).ShouldBe(ViewUpdate.Ignored);

        view.InProgress!.Text.ShouldBe("Hello wor");
    }

    [Fact]
    public void Delta_beyond_the_current_length_asks_for_a_reload()
    {
        var question = User(1);
        var view = _c.Loaded(_c.Snapshot(question));
        view.Apply(_c.Delta(question.Id, 0, "He"));

        view.Apply(_c.Delta(question.Id, 5, "xyz")).ShouldBe(ViewUpdate.ReloadNeeded);

        view.InProgress!.Text.ShouldBe("He");
    }

    [Fact]
    public void Delta_joining_a_reply_midway_asks_for_a_reload()
    {
        var question = User(1);
        var view = _c.Loaded(_c.Snapshot(question));

        view.Apply(_c.Delta(question.Id, 4, "o")).ShouldBe(ViewUpdate.ReloadNeeded);

        view.InProgress.ShouldBeNull();
    }

    [Fact]
    public void Delta_for_a_new_reply_replaces_the_previous_partial()
    {
        var first = User(1);
        var second = User(2);
        var view = _c.Loaded(_c.Snapshot(new ReplyInProgress(first.Id, "Old", "offline"), first, second));

        view.Apply(_c.Delta(second.Id, 0, "New")).ShouldBe(ViewUpdate.Applied);

        view.InProgress!.ReplyTo.ShouldBe(second.Id);
        view.InProgress.Text.ShouldBe("New");
    }

    [Fact]
    public void Late_delta_of_a_completed_reply_is_ignored()
    {
        var question = User(1);
        var view = _c.Loaded(_c.Snapshot(question, Bot(2, question.Id, "Hello")));

        view.Apply(_c.Delta(question.Id, 0, "Hel")).ShouldBe(ViewUpdate.Ignored);

        view.InProgress.ShouldBeNull();
    }

    [Fact]
    public void Retry_of_a_failed_reply_streams_again()
    {
        var question = User(1);
        var failed = Bot(2, question.Id, string.Empty, ReplyStatus.Failed);
        var view = _c.Loaded(_c.Snapshot(question, failed));

        view.Apply(_c.Delta(question.Id, 0, "Second try")).ShouldBe(ViewUpdate.Applied);

        view.IsRetryable(failed).ShouldBeFalse();
        view.Apply(_c.Completed(Bot(3, question.Id, "Second try"))).ShouldBe(ViewUpdate.Applied);
        view.IsRetryable(failed).ShouldBeFalse();
    }
}
