namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// The message allowance of one user across all their conversations, keyed by the user's id. Only
/// conversation grains call it, before storing a message or asking the model again (retry, regenerate):
/// each costs a model reply, so both spend the same allowance.
/// </summary>
[Alias("ISendRateGrain")]
public interface ISendRateGrain : IGrainWithGuidKey
{
    /// <summary>Counts one message if the user is within the limit.</summary>
    /// <returns><c>null</c> when the message may be stored; otherwise the sentence to show, with the wait.</returns>
    Task<string?> TryTakeAsync();

    /// <summary>Counts one reply asked for again (retry, regenerate) if the user is within the limit.</summary>
    /// <returns><c>null</c> when the reply may be asked for; otherwise the sentence to show, with the wait.</returns>
    Task<string?> TryTakeReplyAsync();
}
