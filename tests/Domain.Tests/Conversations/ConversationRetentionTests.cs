using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class ConversationRetentionTests
{
    private static readonly TimeSpan Retention = new ConversationOptions().RetentionPeriod;

    [Fact]
    public void A_conversation_expires_only_once_it_has_been_idle_longer_than_the_retention_period()
    {
        var conversation = TestConversation.New();

        conversation.IsExpired(TestConversation.Start + Retention).ShouldBeFalse();
        conversation.IsExpired(TestConversation.Start + Retention + TimeSpan.FromSeconds(1)).ShouldBeTrue();
    }

    [Fact]
    public void Every_new_message_starts_the_idle_time_again()
    {
        var conversation = TestConversation.New();
        var later = TestConversation.Start + TimeSpan.FromDays(30);

        conversation.Send("still here", later);

        conversation.IsExpired(TestConversation.Start + Retention + TimeSpan.FromSeconds(1)).ShouldBeFalse();
        conversation.IsExpired(later + Retention + TimeSpan.FromSeconds(1)).ShouldBeTrue();
    }

    [Fact]
    public void A_conversation_that_was_never_created_never_expires()
    {
        var nothing = new Conversation(new ConversationState(), [], new ConversationOptions());

        nothing.IsExpired(DateTimeOffset.MaxValue).ShouldBeFalse();
    }
}
