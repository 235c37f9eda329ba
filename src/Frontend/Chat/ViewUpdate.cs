namespace ChatbotOrleans.Frontend.Chat;

/// <summary>What applying a snapshot, event or message did to a <see cref="ConversationView"/>.</summary>
public enum ViewUpdate
{
    /// <summary>The view changed.</summary>
    Applied,

    /// <summary>Nothing changed: a duplicate, an event of another conversation, or one kept for after the load.</summary>
    Ignored,

    /// <summary>The view cannot tell what it missed (a gap); load the snapshot again.</summary>
    ReloadNeeded,
}
