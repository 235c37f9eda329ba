namespace ChatbotOrleans.Grains.Conversations;

/// <summary>A fixed list of models with its default first; ids compare exactly, as they are stored.</summary>
public sealed class ChatModelCatalog : IChatModels
{
    public ChatModelCatalog(IReadOnlyList<IChatModel> models, string? defaultId = null)
    {
        if (models.Count == 0)
        {
            throw new ArgumentException("A catalog needs at least one model.", nameof(models));
        }

        if (models.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count() != models.Count)
        {
            throw new ArgumentException("Two models share an id.", nameof(models));
        }

        Default = defaultId is null ? models[0]
            : models.FirstOrDefault(m => m.Name == defaultId) ?? throw new ArgumentException($"No model has the default's id '{defaultId}'.", nameof(defaultId));
        All = [Default, .. models.Where(m => m != Default)];
    }

    public IChatModel Default { get; }

    public IReadOnlyList<IChatModel> All { get; }

    public IChatModel? Find(string? id) => All.FirstOrDefault(m => m.Name == id);
}
