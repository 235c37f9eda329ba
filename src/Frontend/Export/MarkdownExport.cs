using System.Globalization;
using System.Text;
using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Export;

/// <summary>
/// A conversation as Markdown, for reading: a heading per message (every version of it) with who wrote it and when, the text as it
/// was written (bot replies are Markdown already), and how a reply ended when it did not complete.
/// </summary>
public static class MarkdownExport
{
    public const string ContentType = "text/markdown; charset=utf-8";

    public static string Write(ConversationExport export)
    {
        var markdown = new StringBuilder();
        markdown.Append("# ").AppendLine(OneLine(export.Title)).AppendLine();
        markdown.AppendLine(CultureInfo.InvariantCulture,
            $"Exported {Time(export.ExportedAt)} · {export.Messages.Count:N0} message{(export.Messages.Count == 1 ? "" : "s")}");
        foreach (var message in export.Messages)
        {
            markdown.AppendLine().AppendLine("---").AppendLine();
            var author = message.Role == ChatRole.User ? "You" : message.Model is { } model ? $"Bot ({model})" : "Bot";
            markdown.AppendLine(CultureInfo.InvariantCulture, $"### {author} · {Time(message.CreatedAt)}{VersionNote(message.Versions)}").AppendLine();
            if (message.Text.Length > 0)
            {
                markdown.AppendLine(message.Text.TrimEnd()).AppendLine();
            }

            switch (message.Status)
            {
                case ReplyStatus.Stopped:
                    markdown.AppendLine("*Stopped.*").AppendLine();
                    break;
                case ReplyStatus.Failed:
                    markdown.AppendLine(CultureInfo.InvariantCulture, $"*Failed: {OneLine(message.Error ?? "the reply failed.")}*").AppendLine();
                    break;
            }
        }

        return markdown.ToString().TrimEnd() + "\n";
    }

    // Every version is exported, in the order written; the note tells a reader which ones the chat shows now.
    private static string VersionNote(MessageVersions? versions) => versions switch
    {
        null => "",
        { OnCurrentPath: false } => string.Create(CultureInfo.InvariantCulture, $" · version {versions.Number} of {versions.Count}, not shown now"),
        _ => string.Create(CultureInfo.InvariantCulture, $" · version {versions.Number} of {versions.Count}"),
    };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
