using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

/// <summary>Only a message the rules would store spends the sender's allowance, and a refused allowance stores nothing.</summary>
public sealed class ConversationAllowanceTests
{
    [Fact]
    public async Task A_new_valid_message_spends_the_allowance_and_is_stored()
    {
        var conversation = TestConversation.New();
        var allowance = new CountingAllowance();

        var result = await conversation.AddUserMessageAsync(new SendMessage(MessageId.New(), "hello"), TestConversation.Start, allowance.TakeAsync);

        allowance.Spent.ShouldBeTrue();
        result.Outcome.ShouldBe(ChangeOutcome.Accepted);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n ")]
    [InlineData("bell \u0007")]
    public async Task A_message_that_is_rejected_spends_nothing(string text)
    {
        var allowance = new CountingAllowance();

        var result = await TestConversation.New().AddUserMessageAsync(new SendMessage(MessageId.New(), text), TestConversation.Start, allowance.TakeAsync);

        (result.Outcome, allowance.Spent).ShouldBe((ChangeOutcome.Rejected, false));
    }

    [Fact]
    public async Task A_message_without_an_id_or_over_the_length_limit_spends_nothing()
    {
        var conversation = TestConversation.New(maxMessageLength: 10);
        var allowance = new CountingAllowance();

        await conversation.AddUserMessageAsync(new SendMessage(new MessageId(Guid.Empty), "hello"), TestConversation.Start, allowance.TakeAsync);
        await conversation.AddUserMessageAsync(new SendMessage(MessageId.New(), new string('x', 11)), TestConversation.Start, allowance.TakeAsync);

        allowance.Spent.ShouldBeFalse();
    }

    [Fact]
    public async Task A_message_already_stored_is_a_duplicate_and_spends_nothing()
    {
        var conversation = TestConversation.New();
        var stored = conversation.Send("once");
        var allowance = new CountingAllowance();

        var again = await conversation.AddUserMessageAsync(new SendMessage(stored.Id, "once"), TestConversation.Start, allowance.TakeAsync);

        (again.Outcome, allowance.Spent).ShouldBe((ChangeOutcome.Duplicate, false));
    }

    [Fact]
    public async Task A_refused_allowance_stores_nothing_and_says_how_long_to_wait()
    {
        var conversation = TestConversation.New();
        var before = StateCopy.Of(conversation);

        var result = await conversation.AddUserMessageAsync(
            new SendMessage(MessageId.New(), "hello"), TestConversation.Start, new CountingAllowance("Wait 30 seconds.").TakeAsync);

        result.ShouldBe(ChangeResult.Refused("Wait 30 seconds."));
        before.ShouldEqual(conversation);
    }
}
