using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.TestSupport;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

[Collection(RetentionCollection.Name)]
public sealed class HousekeepingTests(RetentionClusterFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_idle_conversation_is_deleted_with_its_messages_its_place_in_the_owners_list_and_its_reminders()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        var id = (await conversation.GetSnapshotAsync(user))!.Id;
        for (var i = 1; i <= 5; i++)
        {
            await conversation.SendAsync(user, new SendMessage(MessageId.New(), $"message {i}"), Token);
            await conversation.WaitForSequenceAsync(user, 2 * i);
        }

        var messagesBefore = await StoredRows.MessagesOfAsync(fixture.ConnectionString, id, Token);
        var remindersBefore = await StoredRows.RemindersOfAsync(fixture.ConnectionString, id, Token);
        var owner = fixture.Client.GetGrain<IUserGrain>(user.Value);
        await Poll.UntilAsync(
            owner.ListConversationsAsync,
            list => list.All(c => c.Id != id),
            RetentionClusterFixture.Retention * 4,
            "the idle conversation to leave its owner's list");

        messagesBefore.ShouldBe(10);
        remindersBefore.ShouldBeGreaterThanOrEqualTo(1);
        (await conversation.GetSnapshotAsync(user)).ShouldBeNull();
        (await StoredRows.MessagesOfAsync(fixture.ConnectionString, id, Token)).ShouldBe(0);
        await Poll.UntilAsync(() => StoredRows.RemindersOfAsync(fixture.ConnectionString, id, Token), count => count == 0, TimeSpan.FromSeconds(10), "no reminder left for it");
    }

    [Fact]
    public async Task Housekeeping_finishes_a_reply_left_pending_when_its_guard_is_not_due()
    {
        var (user, conversation, held) = await fixture.CutOffReplyAndAwaitRestartAsync("housekeeping");
        var snapshot = await conversation.WaitForSequenceAsync(user, 2);
        var calls = await Poll.StaysTrueForAsync(() => fixture.Model.CallsFor(held), c => c == 2, "the cut-off call and one more");
        var settled = await conversation.GetSnapshotAsync(user);

        snapshot.Messages.Count(m => m.Role == ChatRole.Assistant).ShouldBe(1);
        snapshot.Messages[1].Text.ShouldBe("Reply to: " + held);
        calls.ShouldBe(2);
        settled!.Sequence.ShouldBe(2, "no second reply came after the first");
    }
}
