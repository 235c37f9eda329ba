using System.ComponentModel.DataAnnotations;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>The chat page, bound from the "ChatPage" configuration section.</summary>
public sealed class ChatPageOptions
{
    public const string SectionName = "ChatPage";

    /// <summary>
    /// How long an awaited reply may send no event before the page follows its stream again and reloads
    /// (see <see cref="ReplyWatch"/>); the page looks at least twice within it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ReplyQuietLimit { get; set; } = TimeSpan.FromSeconds(30);
}
