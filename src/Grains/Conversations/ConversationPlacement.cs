using Orleans.Placement;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// Where a conversation is activated: on the silo that reads its stream's queue, so that its events reach the queue
/// and the agent that delivers them without crossing to another silo, whichever silo the first call came through.
/// The silo's director decides (it knows how the queues are dealt); until it knows, the conversation starts on the
/// silo that was called, as with <see cref="PreferLocalPlacement"/>.
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("ConversationPlacement")]
public sealed class ConversationPlacement : PlacementStrategy;

/// <summary>Places a grain keyed by a conversation's id as <see cref="ConversationPlacement"/> says.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ConversationPlacementAttribute() : PlacementAttribute(new ConversationPlacement());
