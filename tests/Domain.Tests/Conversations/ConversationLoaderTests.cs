using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class ConversationLoaderTests
{
    private static readonly ConversationId Id = new(Guid.NewGuid());
    private static readonly ConversationOptions Options = new() { WindowSize = 4 };

    [Fact]
    public async Task A_busy_conversation_reads_the_hours_sends_before_its_window_and_knows_their_ids()
    {
        var log = new ListLog(Enumerable.Range(1, 10).Select(i => Message(i, TestConversation.Start.AddMinutes(i))));

        var conversation = await ConversationLoader.LoadAsync(Id, State(), log, Options, TestConversation.Start.AddMinutes(30), TestContext.Current.CancellationToken);
        var retried = await conversation.AddUserMessageAsync(new SendMessage(log.Messages[0].Id, "m1"), TestConversation.Start.AddMinutes(30), Allowances.Unlimited);

        conversation.Recent.Select(m => m.Sequence).ShouldBe([7L, 8L, 9L, 10L]);
        log.Reads.ShouldBe(2);
        retried.Outcome.ShouldBe(ChangeOutcome.Duplicate);
    }

    [Fact]
    public async Task A_quiet_conversation_reads_its_window_only()
    {
        var log = new ListLog(Enumerable.Range(1, 10).Select(i => Message(i, TestConversation.Start.AddMinutes(i))));

        var conversation = await ConversationLoader.LoadAsync(Id, State(), log, Options, TestConversation.Start.AddHours(3), TestContext.Current.CancellationToken);

        conversation.Recent.Count.ShouldBe(4);
        log.Reads.ShouldBe(1, "the window's oldest message is older than the idempotency period");
    }

    [Fact]
    public async Task An_edited_conversation_holds_the_newest_messages_of_its_current_path_with_their_versions()
    {
        // 1 2 3 4, then 3 edited as 5 (following 2) and answered by 6; versions switched back to 3's branch.
        var at = TestConversation.Start.AddMinutes(1);
        var log = new ListLog([
            .. Enumerable.Range(1, 4).Select(i => Message(i, at)),
            Message(5, at) with { Parent = 2 },
            Message(6, at),
        ]);
        var state = State();
        (state.Sequence, state.HasForks, state.PathTip, state.PathTipAt) = (6, true, 4, 6);

        var conversation = await ConversationLoader.LoadAsync(Id, state, log, Options, TestConversation.Start.AddHours(3), TestContext.Current.CancellationToken);

        conversation.Recent.Select(m => m.Sequence).ShouldBe([1L, 2L, 3L, 4L]);
        conversation.Sequence.ShouldBe(6, "the next message is numbered after the newest of any branch");
        conversation.Snapshot(Id, null).Messages[2].Versions.ShouldBe(new MessageVersions(1, 2, 0, 5));
    }

    private static ConversationState State() => new() { OwnerId = TestConversation.Owner.Value, Sequence = 10 };

    // Odd numbers are user messages, even ones assistant messages.
    private static ChatMessage Message(int sequence, DateTimeOffset at) =>
        new(MessageId.New(), sequence, sequence % 2 == 1 ? ChatRole.User : ChatRole.Assistant, $"m{sequence}", at);
}
