using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class HistoryAndContextTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_new_activation_holds_only_the_newest_messages_and_the_whole_history_reads_back_from_the_log_in_order()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        const int exchanges = 9;
        for (var i = 1; i <= exchanges; i++)
        {
            await conversation.SendAsync(user, new SendMessage(MessageId.New(), $"message {i}"), TestContext.Current.CancellationToken);
            await conversation.WaitForSequenceAsync(user, 2 * i);
        }

        await fixture.Cluster.DeactivateAsync(conversation);
        await fixture.Cluster.WaitForDeactivationAsync(conversation);
        var snapshot = (await conversation.GetSnapshotAsync(user))!;
        var older = await conversation.GetHistoryAsync(user, snapshot.Messages[0].Sequence, 1_000);

        snapshot.Sequence.ShouldBe(2 * exchanges);
        snapshot.Messages.Count.ShouldBe(ClusterFixture.WindowSize, "an activation reads only its window from the log");
        snapshot.HasOlder.ShouldBeTrue();
        older.Concat(snapshot.Messages).Select(m => m.Sequence).ShouldBe(Enumerable.Range(1, 2 * exchanges).Select(i => (long)i));
        older[0].Text.ShouldBe("message 1");
        (await conversation.GetHistoryAsync(user, 5, 2)).Select(m => m.Sequence).ShouldBe([3L, 4L]);
    }

    [Fact]
    public async Task Reading_forwards_from_an_old_message_pages_on_to_the_newest_and_is_refused_to_another_user()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        var (intruder, _) = await fixture.NewConversationAsync();
        const int exchanges = 9;
        for (var i = 1; i <= exchanges; i++)
        {
            await conversation.SendAsync(user, new SendMessage(MessageId.New(), $"forward {i}"), TestContext.Current.CancellationToken);
            await conversation.WaitForSequenceAsync(user, 2 * i);
        }

        await fixture.Cluster.DeactivateAsync(conversation);
        await fixture.Cluster.WaitForDeactivationAsync(conversation);
        var first = await conversation.GetHistoryAfterAsync(user, 0, 7);
        var second = await conversation.GetHistoryAfterAsync(user, first[^1].Sequence, 7);
        var rest = await conversation.GetHistoryAfterAsync(user, second[^1].Sequence, 1_000);

        first.Select(m => m.Sequence).ShouldBe(Enumerable.Range(1, 7).Select(i => (long)i), "the oldest first, from the log");
        first[0].Text.ShouldBe("forward 1");
        second.Select(m => m.Sequence).ShouldBe(Enumerable.Range(8, 7).Select(i => (long)i));
        rest.Select(m => m.Sequence).ShouldBe(Enumerable.Range(15, 2 * exchanges - 14).Select(i => (long)i), "up to the newest");
        (await conversation.GetHistoryAfterAsync(user, 2 * exchanges, 10)).ShouldBeEmpty("nothing is newer than the newest");
        (await conversation.GetHistoryAfterAsync(user, 0, 0)).ShouldBeEmpty("a page of none is none");
        (await conversation.GetHistoryAfterAsync(intruder, 0, 100)).ShouldBeEmpty("another user's read answers as for a conversation that does not exist");
    }

    [Fact]
    public async Task The_model_sees_only_the_newest_messages_that_fit_the_budget()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        var marker = Guid.NewGuid().ToString("N");
        for (var i = 1; i <= 4; i++)
        {
            await conversation.SendAsync(user, new SendMessage(MessageId.New(), $"{marker} {i} " + new string('x', 60)), TestContext.Current.CancellationToken);
            await conversation.WaitForSequenceAsync(user, 2 * i);
        }

        var context = fixture.Model.Contexts.Last(c => c[^1].Text.StartsWith($"{marker} 4", StringComparison.Ordinal));

        context.Sum(t => t.Text.Length).ShouldBeLessThanOrEqualTo(ClusterFixture.ContextBudget);
        context[^1].Role.ShouldBe(ChatRole.User);
        context.Count.ShouldBeLessThan(7, "older turns must have been left out");
        context.ShouldNotContain(t => t.Text.StartsWith($"{marker} 1", StringComparison.Ordinal));
    }
}
