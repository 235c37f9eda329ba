namespace ChatbotOrleans.Grains.Conversations;

/// <summary>The models the operator offers, one of them the default. Implemented by <see cref="ChatModelCatalog"/>.</summary>
public interface IChatModels
{
    /// <summary>The model of conversations that chose none, or chose one no longer offered.</summary>
    IChatModel Default { get; }

    /// <summary>Every model offered, the default first.</summary>
    IReadOnlyList<IChatModel> All { get; }

    /// <summary>The model with this id, or <c>null</c> when none is offered under it.</summary>
    IChatModel? Find(string? id);
}
