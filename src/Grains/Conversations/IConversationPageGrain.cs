using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// One archived page of a conversation's older messages. Keyed by the conversation's Guid and the
/// extension "page-N", so pages never share a storage row with another grain.
/// </summary>
[Alias("IConversationPageGrain")]
public interface IConversationPageGrain : IGrainWithGuidCompoundKey
{
    /// <summary>Stores the page's messages (writing the same page again replaces it).</summary>
    Task WriteAsync(IReadOnlyList<ChatMessage> messages);

    /// <summary>The page's messages, oldest first.</summary>
    Task<IReadOnlyList<ChatMessage>> ReadAsync();

    /// <summary>Deletes the page's stored messages.</summary>
    Task ClearAsync();
}
