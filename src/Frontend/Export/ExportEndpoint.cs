using System.Text;
using ChatbotOrleans.Frontend.Auth;
using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Export;

/// <summary>
/// <c>GET /c/{id}/export.md</c> and <c>.json</c>: the whole conversation as a file download. A plain GET a link
/// can start, so the browser saves the file itself; the grain checks the owner, so another user's id is not found.
/// </summary>
internal static class ExportEndpoint
{
    /// <summary>Messages a grain call at most: a long conversation is read in pages, oldest first.</summary>
    private const int PageSize = 500;

    public static string PathFor(ConversationId id, string format) => $"/c/{id}/export.{format}";

    public static IEndpointRouteBuilder MapConversationExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/c/{id:guid}/export.{format}", ExportAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(Guid id, string format, HttpContext http, IClusterClient cluster, TimeProvider time)
    {
        if (format is not ("md" or "json"))
        {
            return Results.NotFound("A conversation exports as .md or .json.");
        }

        if (!UserClaims.TryGetUserId(http.User, out var caller))
        {
            return Results.Unauthorized();
        }

        var conversation = cluster.GetGrain<IConversationGrain>(id);
        if (await conversation.GetSnapshotAsync(caller) is not { } snapshot)
        {
            return Results.NotFound("This conversation does not exist.");
        }

        var export = new ConversationExport(snapshot.Id, snapshot.Title, time.GetUtcNow(), await ReadAllAsync(conversation, caller, snapshot, http.RequestAborted));
        var (text, contentType) = format == "md"
            ? (MarkdownExport.Write(export), MarkdownExport.ContentType)
            : (JsonExport.Write(export), JsonExport.ContentType);
        return Results.File(Encoding.UTF8.GetBytes(text), contentType, export.FileName(format));
    }

    // The archive, not the path: every version of every message, oldest first, each marked on or off the current path.
    private static async Task<IReadOnlyList<ChatMessage>> ReadAllAsync(
        IConversationGrain conversation, UserId caller, ConversationSnapshot snapshot, CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessage>();
        while (messages.Count == 0 || messages[^1].Sequence < snapshot.Sequence)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await conversation.GetArchiveAsync(caller, messages.Count > 0 ? messages[^1].Sequence : 0, PageSize);
            if (page.Count == 0)
            {
                break;
            }

            messages.AddRange(page);
        }

        return messages;
    }
}
