namespace ChatbotOrleans.Silo.ChatModels;

/// <summary>Settings of the offline stand-in bot, section "OfflineBot".</summary>
internal sealed class OfflineBotOptions
{
    public const string SectionName = "OfflineBot";

    /// <summary>Pause before each word, so the page visibly streams as it would with a real model.</summary>
    public TimeSpan TokenDelay { get; set; } = TimeSpan.FromMilliseconds(40);
}
