namespace ChatbotOrleans.Frontend.Chat;

/// <summary>What the cluster answered to a read, or that it did not answer (<see cref="IsUnavailable"/>).</summary>
public readonly record struct ClusterAnswer<T>(T Value, bool IsUnavailable = false);
