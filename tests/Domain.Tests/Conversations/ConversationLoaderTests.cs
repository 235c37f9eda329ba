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

    private static ConversationState State() => new() { OwnerId = TestConversation.Owner.Value, Sequence = 10 };

    // Odd numbers are user messages, even ones assistant messages.
    private static ChatMessage Message(int sequence, DateTimeOffset at) =>
        new(MessageId.New(), sequence, sequence % 2 == 1 ? ChatRole.User : ChatRole.Assistant, $"m{sequence}", at);

    private sealed class ListLog(IEnumerable<ChatMessage> messages) : IMessageLog
    {
        public List<ChatMessage> Messages { get; } = [.. messages];

        public int Reads { get; private set; }

        public Task<IReadOnlyList<ChatMessage>> ReadAsync(ConversationId conversation, long beforeSequence, int maxCount, CancellationToken cancellationToken = default)
        {
            Reads++;
            return Task.FromResult<IReadOnlyList<ChatMessage>>([.. Messages.Where(m => m.Sequence < beforeSequence).TakeLast(maxCount)]);
        }

        public Task AppendAsync(ConversationId conversation, ChatMessage message, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<ChatMessage>> ReadAfterAsync(ConversationId conversation, long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task DeleteAsync(ConversationId conversation, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<ConversationId>> FindUnansweredAsync(DateTimeOffset since, DateTimeOffset until, int maxCount, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
