namespace ChatbotOrleans.Grains.Conversations;

/// <summary>Why a conversation was deleted, for the log.</summary>
public enum DeletionReason
{
    /// <summary>Idle past the retention period.</summary>
    Expired,

    /// <summary>Its owner deleted it.</summary>
    ByOwner,
}
