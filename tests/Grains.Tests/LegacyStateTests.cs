using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>
/// A conversation stored before the message log (messages in its state and an archive page) still
/// loads: its first activation moves the messages into the log and answers what was owed.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LegacyStateTests(ClusterFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_conversation_stored_in_the_old_layout_moves_into_the_log_keeps_its_history_and_answers_the_owed_message()
    {
        var (user, _) = await fixture.NewConversationAsync();
        var id = new ConversationId(Guid.NewGuid());
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var old = Enumerable.Range(1, 7).Select(i => i % 2 == 1
            ? new ChatMessage(MessageId.New(), i, ChatRole.User, $"question {i}", at.AddMinutes(i))
            : new ChatMessage(MessageId.New(), i, ChatRole.Assistant, $"answer {i}", at.AddMinutes(i), null, ReplyStatus.Complete, "offline")).ToList();
        old = [.. old.Select((m, i) => m.Role == ChatRole.Assistant ? m with { ReplyTo = old[i - 1].Id } : m)];
        await fixture.Client.GetGrain<IConversationPageGrain>(id.Value, ConversationPageGrain.KeyFor(0)).WriteAsync(old[..4]);
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Chat);
        var grainId = fixture.Client.GetGrain<IConversationGrain>(id.Value).GetGrainId();
        await storage.WriteStateAsync("conversation", grainId, new GrainState<ConversationState>(new ConversationState
        {
            OwnerId = user.Value,
            Title = "From before the log",
            CreatedAt = at,
            UpdatedAt = at.AddMinutes(7),
            Sequence = 7,
            Recent = old[4..],
            ArchivedPages = 1,
            PendingReplies = [old[6].Id],
            HousekeepingRegistered = true,
        }));

        var conversation = fixture.Client.GetGrain<IConversationGrain>(id.Value);
        var snapshot = await conversation.WaitForSequenceAsync(user, 8);

        snapshot.Title.ShouldBe("From before the log");
        snapshot.Messages[^1].ReplyTo.ShouldBe(old[6].Id, "the message owed a reply in the old state was answered");
        var history = await conversation.GetHistoryAsync(user, snapshot.Messages[0].Sequence, 100);
        history.Concat(snapshot.Messages).Take(7).ShouldBe(old);
        (await StoredRows.MessagesOfAsync(fixture.ConnectionString, id, Token)).ShouldBe(8);
        (await fixture.Client.GetGrain<IConversationPageGrain>(id.Value, ConversationPageGrain.KeyFor(0)).ReadAsync()).ShouldBeEmpty();
        var stored = new GrainState<ConversationState>(new ConversationState());
        await storage.ReadStateAsync("conversation", grainId, stored);
        var upgraded = stored.State.ShouldNotBeNull();
        upgraded.Recent.ShouldBeEmpty();
        upgraded.ArchivedPages.ShouldBe(0);
        upgraded.PendingReplies.ShouldBeEmpty();
    }
}
