using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class SentIdsTests
{
    private static readonly DateTimeOffset Start = TestConversation.Start;

    [Fact]
    public void Only_user_messages_are_remembered_and_found_with_their_number_and_time()
    {
        var sent = new SentIds(TimeSpan.FromHours(1));
        var question = new ChatMessage(MessageId.New(), 7, ChatRole.User, "hi", Start);
        var answer = new ChatMessage(MessageId.New(), 8, ChatRole.Assistant, "hello", Start, question.Id);

        sent.Remember(question);
        sent.Remember(answer);

        sent.Find(question.Id, "hi", Start.AddMinutes(1)).ShouldBe(question);
        sent.Find(answer.Id, "hello", Start.AddMinutes(1)).ShouldBeNull();
        sent.Count.ShouldBe(1);
    }

    [Fact]
    public void The_oldest_are_forgotten_past_the_period_and_past_the_capacity()
    {
        var sent = new SentIds(TimeSpan.FromMinutes(10));
        var ids = Enumerable.Range(1, SentIds.Capacity + 1)
            .Select(i => new ChatMessage(MessageId.New(), i, ChatRole.User, "x", Start.AddSeconds(i / 100)))
            .ToList();
        ids.ForEach(sent.Remember);

        sent.Count.ShouldBe(SentIds.Capacity);
        sent.Find(ids[0].Id, "x", Start).ShouldBeNull("the capacity let the oldest go");
        sent.Find(ids[1].Id, "x", Start.AddMinutes(1)).ShouldNotBeNull();
        sent.Find(ids[1].Id, "x", Start.AddMinutes(10.5)).ShouldBeNull("more than ten minutes after it was sent");
        sent.Find(ids[^1].Id, "x", Start.AddMinutes(10.5)).ShouldNotBeNull("sent 40 s after the start");
    }
}
