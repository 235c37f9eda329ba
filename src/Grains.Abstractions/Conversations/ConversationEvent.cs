namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>
/// A notification on a conversation's stream. The grain's state is the truth; events only say
/// what changed. Durable events (<see cref="MessageAdded"/>, <see cref="ReplyCompleted"/>,
/// <see cref="ReplyFailed"/>) each carry exactly one new message whose sequence is one more than
/// the previous; a subscriber that sees a gap reloads the snapshot.
/// </summary>
[GenerateSerializer, Immutable, Alias("ConversationEvent")]
public abstract record ConversationEvent([property: Id(0)] ConversationId ConversationId);

/// <summary>A user message was stored.</summary>
[GenerateSerializer, Immutable, Alias("MessageAdded")]
public sealed record MessageAdded(ConversationId ConversationId, [property: Id(0)] ChatMessage Message)
    : ConversationEvent(ConversationId);

/// <summary>More text of the reply in progress, starting at <paramref name="Offset"/> of it.</summary>
[GenerateSerializer, Immutable, Alias("ReplyDelta")]
public sealed record ReplyDelta(
    ConversationId ConversationId,
    [property: Id(0)] MessageId ReplyTo,
    [property: Id(1)] int Offset,
    [property: Id(2)] string Text,
    [property: Id(3)] string Model) : ConversationEvent(ConversationId);

/// <summary>A bot reply was stored whole.</summary>
[GenerateSerializer, Immutable, Alias("ReplyCompleted")]
public sealed record ReplyCompleted(ConversationId ConversationId, [property: Id(0)] ChatMessage Message)
    : ConversationEvent(ConversationId);

/// <summary>A bot reply failed; its message carries the reason and the user may retry.</summary>
[GenerateSerializer, Immutable, Alias("ReplyFailed")]
public sealed record ReplyFailed(ConversationId ConversationId, [property: Id(0)] ChatMessage Message)
    : ConversationEvent(ConversationId);

/// <summary>Another version was chosen: the path now ends at <paramref name="Tip"/>, and pages showing the chat reload it.</summary>
[GenerateSerializer, Immutable, Alias("VersionSelected")]
public sealed record VersionSelected(ConversationId ConversationId, [property: Id(0)] long Tip)
    : ConversationEvent(ConversationId);
