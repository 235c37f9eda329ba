using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Account;

/// <summary>
/// Writes a user's export as one zip: <c>account.json</c> (the account's facts), <c>conversations.json</c>
/// (every chat with every message, its model and instructions), <c>presets.json</c> (the user's presets),
/// <c>usage.json</c> (each reply's tokens and cost) and one Markdown file per chat under <c>chats/</c>.
/// </summary>
internal static class AccountArchive
{
    public const string FileName = "chatbot-export.zip";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] Write(AccountExport export)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var profile = export.Profile;
            Add(zip, "account.json", JsonSerializer.Serialize(new
            {
                id = profile.Id.ToString(),
                email = profile.Email,
                createdAt = profile.CreatedAt,
                addressConfirmed = profile.AddressProven,
                conversations = export.Conversations.Count,
                exportedAt = export.ExportedAt,
            }, Json));
            Add(zip, "conversations.json", JsonSerializer.Serialize(export.Conversations.Select(c => new
            {
                id = c.Summary.Id.ToString(),
                title = c.Summary.Title,
                updatedAt = c.Summary.UpdatedAt,
                model = c.Settings?.ModelId,
                instructions = c.Settings?.Instructions,
                messages = c.Messages.Select(m => new
                {
                    sequence = m.Sequence,
                    role = m.Role,
                    text = m.Text,
                    createdAt = m.CreatedAt,
                    status = m.Role == ChatRole.Assistant ? m.Status.ToString() : null,
                    model = m.Model,
                    error = m.Error,
                }),
            }), Json));
            Add(zip, "presets.json", JsonSerializer.Serialize((export.Presets ?? []).Select(p => new
            {
                name = p.Name,
                instructions = p.Instructions,
                model = p.ModelId,
            }), Json));
            Add(zip, "usage.json", JsonSerializer.Serialize((export.Usage ?? []).Select(u => new
            {
                at = u.At,
                conversation = u.Conversation?.ToString(),
                reply = u.Reply.ToString(),
                model = u.Model,
                inputTokens = u.Usage.InputTokens,
                outputTokens = u.Usage.OutputTokens,
                estimated = u.Usage.Estimated,
                cost = u.Cost,
            }), Json));
            for (var i = 0; i < export.Conversations.Count; i++)
            {
                var conversation = export.Conversations[i];
                Add(zip, string.Create(CultureInfo.InvariantCulture, $"chats/{i + 1:D3}-{conversation.Summary.Id}.md"), Markdown(conversation));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>One chat as Markdown: its title, then each message under who wrote it and when.</summary>
    public static string Markdown(ExportedConversation conversation)
    {
        var text = new StringBuilder();
        text.Append("# ").AppendLine(conversation.Summary.Title).AppendLine();
        foreach (var message in conversation.Messages)
        {
            var who = message.Role == ChatRole.User ? "You" : "Bot";
            text.Append(CultureInfo.InvariantCulture, $"**{who}**, {message.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
            if (message.Role == ChatRole.Assistant && message.Status != ReplyStatus.Complete)
            {
                text.Append(CultureInfo.InvariantCulture, $" ({message.Status})");
            }

            text.AppendLine().AppendLine().AppendLine(message.Text).AppendLine();
        }

        return text.ToString();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
