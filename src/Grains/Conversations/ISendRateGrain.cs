namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// The message allowance of one user across all their conversations, keyed by the user's id. Only
/// conversation grains call it, before storing a message: every stored message costs a model reply.
/// </summary>
[Alias("ISendRateGrain")]
public interface ISendRateGrain : IGrainWithGuidKey
{
    /// <summary>Counts one message if the user is within the limit.</summary>
    /// <returns><c>null</c> when the message may be stored; otherwise the sentence to show, with the wait.</returns>
    Task<string?> TryTakeAsync();
}
