namespace ChatbotOrleans.Grains.Users;

/// <summary>What a conversation's change did to its owner's list (<see cref="User.UpdateConversation"/>).</summary>
public enum ListedChange
{
    /// <summary>Nothing the open pages need now: the chat is not listed, or it only got newer and was on top already.</summary>
    None,

    /// <summary>Only its time changed, and it was not on top: pages move the one chat themselves.</summary>
    Moved,

    /// <summary>What the list shows of it changed (its title, or that it has messages): written and published at once.</summary>
    Changed,
}
