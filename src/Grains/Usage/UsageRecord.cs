using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Usage;

/// <summary>What one reply cost, for the operator's usage table and the budgets.</summary>
[GenerateSerializer, Immutable, Alias("UsageRecord")]
public sealed record UsageRecord(
    [property: Id(0)] UserId User,
    [property: Id(1)] ConversationId Conversation,
    [property: Id(2)] MessageId Reply,
    [property: Id(3)] string Model,
    [property: Id(4)] TokenUsage Usage,
    [property: Id(5)] DateTimeOffset At);
