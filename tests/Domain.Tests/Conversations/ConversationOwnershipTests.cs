using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class ConversationOwnershipTests
{
    private static readonly UserId Ana = new(Guid.Parse("0191a6c0-0000-7000-8000-00000000a0a0"));
    private static readonly UserId Bruno = new(Guid.Parse("0191a6c0-0000-7000-8000-00000000b0b0"));
    private static readonly DateTimeOffset Created = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static Conversation Empty() => new(new ConversationState(), [], new ConversationOptions());

    [Fact]
    public void A_conversation_never_created_does_not_exist_and_belongs_to_nobody()
    {
        var conversation = Empty();

        conversation.Exists.ShouldBeFalse();
        conversation.IsOwnedBy(Ana).ShouldBeFalse();
        conversation.IsOwnedBy(new UserId(Guid.Empty)).ShouldBeFalse();
    }

    [Fact]
    public void Creating_a_conversation_makes_it_the_creators_only()
    {
        var conversation = Empty();

        conversation.Create(Ana, Created);

        conversation.Exists.ShouldBeTrue();
        conversation.IsOwnedBy(Ana).ShouldBeTrue();
        conversation.IsOwnedBy(Bruno).ShouldBeFalse();
        conversation.State.CreatedAt.ShouldBe(Created);
        conversation.UpdatedAt.ShouldBe(Created);
    }

    [Fact]
    public void Creating_it_again_for_the_same_owner_changes_nothing()
    {
        var conversation = Empty();
        conversation.Create(Ana, Created);
        var before = StateCopy.Of(conversation);

        conversation.Create(Ana, Created.AddDays(1));

        before.ShouldEqual(conversation);
    }

    [Fact]
    public void Another_user_cannot_take_over_a_conversation_by_creating_it()
    {
        var conversation = Empty();
        conversation.Create(Ana, Created);
        var before = StateCopy.Of(conversation);

        Should.Throw<InvalidOperationException>(() => conversation.Create(Bruno, Created.AddDays(1)));

        before.ShouldEqual(conversation);
        conversation.IsOwnedBy(Bruno).ShouldBeFalse();
    }
}
