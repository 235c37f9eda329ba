using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.TestSupport;
using Npgsql;
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
            await conversation.SendAsync(user, new SendMessage(MessageId.New(), $"message {i}"));
            await conversation.WaitForSequenceAsync(user, 2 * i);
        }

        var messagesBefore = await StoredMessagesOfAsync(id);
        var remindersBefore = await RemindersOfAsync(id);
        var owner = fixture.Client.GetGrain<IUserGrain>(user.Value);
        await Poll.UntilAsync(
            owner.ListConversationsAsync,
            list => list.All(c => c.Id != id),
            RetentionClusterFixture.Retention * 4,
            "the idle conversation to leave its owner's list");

        messagesBefore.ShouldBe(10);
        remindersBefore.ShouldBeGreaterThanOrEqualTo(1);
        (await conversation.GetSnapshotAsync(user)).ShouldBeNull();
        (await StoredMessagesOfAsync(id)).ShouldBe(0);
        await Poll.UntilAsync(() => RemindersOfAsync(id), count => count == 0, TimeSpan.FromSeconds(10), "no reminder left for it");
    }

    [Fact]
    public async Task Housekeeping_finishes_a_reply_left_pending_when_its_guard_is_not_due()
    {
        var (user, conversation, held) = await fixture.CutOffReplyAndAwaitRestartAsync("housekeeping");
        var snapshot = await conversation.WaitForSequenceAsync(user, 2);

        snapshot.Messages.Count(m => m.Role == ChatRole.Assistant).ShouldBe(1);
        snapshot.Messages[1].Text.ShouldBe("Reply to: " + held);
    }

    private async Task<long> StoredMessagesOfAsync(ConversationId id)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand("select count(*) from conversation_messages where conversation_id = @id", connection);
        command.Parameters.AddWithValue("id", id.Value);
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }

    /// <summary>Reminder rows of one conversation; its key appears in the stored grain id in "N" form.</summary>
    private async Task<long> RemindersOfAsync(ConversationId id)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand("select count(*) from orleansreminderstable where grainid like @key", connection);
        command.Parameters.AddWithValue("key", $"%{id.Value:N}%");
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }
}
