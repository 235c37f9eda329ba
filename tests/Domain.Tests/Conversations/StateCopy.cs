using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

/// <summary>A deep copy of what a <see cref="Conversation"/> holds, to prove an operation changed nothing.</summary>
internal sealed record StateCopy(
    Guid OwnerId,
    string Title,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Sequence,
    IReadOnlyList<ChatMessage> Recent,
    IReadOnlyList<MessageId> Pending,
    IReadOnlyList<ReplyRequest> ReplyRequests,
    bool NeedsStateWrite)
{
    public static StateCopy Of(Conversation conversation) =>
        new(conversation.State.OwnerId, conversation.State.Title, conversation.State.CreatedAt, conversation.UpdatedAt, conversation.Sequence,
            [.. conversation.Recent], [.. conversation.Pending], [.. conversation.State.ReplyRequests], conversation.NeedsStateWrite);

    public void ShouldEqual(Conversation conversation)
    {
        var now = Of(conversation);
        now.OwnerId.ShouldBe(OwnerId);
        now.Title.ShouldBe(Title);
        now.CreatedAt.ShouldBe(CreatedAt);
        now.UpdatedAt.ShouldBe(UpdatedAt);
        now.Sequence.ShouldBe(Sequence);
        now.Recent.ShouldBe(Recent);
        now.Pending.ShouldBe(Pending);
        now.ReplyRequests.ShouldBe(ReplyRequests);
        now.NeedsStateWrite.ShouldBe(NeedsStateWrite);
    }
}
