using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// A reply asked for again (retry, regenerate) to a user message that already has one. It is owed until
/// the log holds a reply to <paramref name="Message"/> numbered after <paramref name="AfterSequence"/>, so
/// the stored request needs no second write once it is answered.
/// </summary>
[GenerateSerializer, Immutable, Alias("ReplyRequest")]
public sealed record ReplyRequest([property: Id(0)] MessageId Message, [property: Id(1)] long AfterSequence);
