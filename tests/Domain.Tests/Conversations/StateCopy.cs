using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

/// <summary>A deep copy of a <see cref="ConversationState"/>, to prove an operation changed nothing.</summary>
internal sealed record StateCopy(
    Guid OwnerId,
    string Title,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Sequence,
    IReadOnlyList<ChatMessage> Recent,
    int ArchivedPages,
    IReadOnlyList<MessageId> PendingReplies)
{
    public static StateCopy Of(ConversationState state) =>
        new(state.OwnerId, state.Title, state.CreatedAt, state.UpdatedAt, state.Sequence, [.. state.Recent], state.ArchivedPages, [.. state.PendingReplies]);

    public void ShouldEqual(ConversationState state)
    {
        var now = Of(state);
        now.OwnerId.ShouldBe(OwnerId);
        now.Title.ShouldBe(Title);
        now.CreatedAt.ShouldBe(CreatedAt);
        now.UpdatedAt.ShouldBe(UpdatedAt);
        now.Sequence.ShouldBe(Sequence);
        now.Recent.ShouldBe(Recent);
        now.ArchivedPages.ShouldBe(ArchivedPages);
        now.PendingReplies.ShouldBe(PendingReplies);
    }
}
