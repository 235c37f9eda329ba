using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

/// <summary>The pre-check the grain makes before spending the sender's message allowance.</summary>
public sealed class ConversationWouldAcceptTests
{
    [Fact]
    public void A_new_valid_message_would_be_accepted_and_asking_changes_nothing()
    {
        var conversation = TestConversation.New();
        var before = StateCopy.Of(conversation);

        conversation.WouldAccept(new SendMessage(MessageId.New(), "hello")).ShouldBeTrue();

        before.ShouldEqual(conversation);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n ")]
    [InlineData("bell \u0007")]
    public void A_message_that_would_be_rejected_is_not_accepted(string text) =>
        TestConversation.New().WouldAccept(new SendMessage(MessageId.New(), text)).ShouldBeFalse();

    [Fact]
    public void A_message_without_an_id_or_over_the_length_limit_is_not_accepted()
    {
        var conversation = TestConversation.New(maxMessageLength: 10);

        conversation.WouldAccept(new SendMessage(new MessageId(Guid.Empty), "hello")).ShouldBeFalse();
        conversation.WouldAccept(new SendMessage(MessageId.New(), new string('x', 11))).ShouldBeFalse();
    }

    [Fact]
    public void A_message_already_stored_is_a_duplicate_and_not_accepted_again()
    {
        var conversation = TestConversation.New();
        var stored = conversation.Send("once");

        conversation.WouldAccept(new SendMessage(stored.Id, "once")).ShouldBeFalse();
    }
}
