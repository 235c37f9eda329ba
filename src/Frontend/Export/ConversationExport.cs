using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Export;

/// <summary>One conversation as it is written to a file: its title and every stored message, oldest first.</summary>
public sealed record ConversationExport(ConversationId Id, string Title, DateTimeOffset ExportedAt, IReadOnlyList<ChatMessage> Messages)
{
    /// <summary>A file name from the title: letters, digits and dashes only, so every browser and disk takes it.</summary>
    public string FileName(string extension)
    {
        var slug = new string([.. Title.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]);
        slug = string.Join('-', slug.Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (slug.Length > 60)
        {
            slug = slug[..60].TrimEnd('-');
        }

        return $"{(slug.Length > 0 ? slug : "chat")}-{ExportedAt.UtcDateTime:yyyy-MM-dd}.{extension}";
    }
}
