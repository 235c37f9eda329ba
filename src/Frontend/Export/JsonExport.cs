using System.Text.Json;
using System.Text.Json.Serialization;
using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Export;

/// <summary>
/// A conversation as JSON, for machines: every message (every version of it) with its sequence, role, time, status,
/// the model that wrote a reply and the reason a reply failed. Names are camelCase and enums are words, so the file reads
/// without this code.
/// </summary>
public static class JsonExport
{
    public const string ContentType = "application/json; charset=utf-8";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Write(ConversationExport export) => JsonSerializer.Serialize(
        new ExportedConversation(
            export.Id.Value,
            export.Title,
            export.ExportedAt,
            [.. export.Messages.Select(m => new ExportedMessage(
                m.Sequence, m.Id.Value, m.Role, m.CreatedAt, m.Status, m.Model, m.ReplyTo?.Value, m.Error, m.Text,
                m.Parent, m.Versions?.Number, m.Versions?.Count, m.Versions?.OnCurrentPath))]),
        Options);

    private sealed record ExportedConversation(Guid Id, string Title, DateTimeOffset ExportedAt, IReadOnlyList<ExportedMessage> Messages);

    // Follows, Version, Versions and OnCurrentPath are written for an edited chat only: Follows is the sequence of the
    // message it follows when that is not the one before it; a message without them is the only version, on the path.
    private sealed record ExportedMessage(
        long Sequence, Guid Id, ChatRole Role, DateTimeOffset CreatedAt, ReplyStatus Status, string? Model, Guid? ReplyTo, string? Error, string Text,
        long? Follows, int? Version, int? Versions, bool? OnCurrentPath);
}
