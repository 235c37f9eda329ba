namespace ChatbotOrleans.Silo.Placement;

/// <summary>New activations go to the compatible silos in turn (<see cref="RoundRobinPlacementDirector"/>).</summary>
[GenerateSerializer, Immutable, Alias("chatbot.RoundRobinPlacement")]
public sealed class RoundRobinPlacement : PlacementStrategy;
