using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ChatbotOrleans.Frontend.Chat.Markdown;
using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// A listed message as HTML: its bubble (<see cref="Body(ChatMessage, RetryButton)"/>) and the line under it (<see cref="Meta"/>). The user's
/// text is encoded; a reply's HTML comes from the sanitising Markdown renderer. The buttons carry
/// <c>data-action</c> and the message's sequence: the list handles their clicks as one delegated event.
/// </summary>
public static class MessageHtml
{
    // Letters of every script stay as they are; only what HTML gives a meaning to is encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The classes of the element a listed message is rendered in.</summary>
    public static string TurnClass(ChatMessage message, bool highlighted) => (message.Role, highlighted) switch
    {
        (ChatRole.User, false) => "turn user",
        (ChatRole.User, true) => "turn user highlighted",
        (_, false) => "turn assistant",
        _ => "turn assistant highlighted",
    };

    private static string RoleName(ChatMessage message) => message.Role == ChatRole.User ? "user" : "assistant";

    /// <summary>The message's bubble, a reply's text rendered from Markdown by the sanitising renderer.</summary>
    public static string Body(ChatMessage message, RetryButton retry) =>
        Body(message, message.Role == ChatRole.Assistant && message.Text.Length > 0 ? MarkdownRenderer.ToHtml(message.Text) : null, retry);

    /// <summary>
    /// The message's bubble: its text (a reply's as <paramref name="replyHtml"/>, rendered from Markdown), and a
    /// stopped or failed reply's sentence with Retry.
    /// </summary>
    public static string Body(ChatMessage message, string? replyHtml, RetryButton retry)
    {
        var role = RoleName(message);
        var status = message.Status.ToString().ToLowerInvariant();
        var html = new StringBuilder(256 + message.Text.Length + (replyHtml?.Length ?? 0));
        html.Append("<article class=\"message ").Append(role)
            .Append(message.Status switch { ReplyStatus.Failed => " failed", ReplyStatus.Stopped => " stopped", _ => "" })
            .Append("\" data-testid=\"message\" data-role=\"").Append(role)
            .Append("\" data-sequence=\"").Append(message.Sequence.ToString(CultureInfo.InvariantCulture))
            .Append("\" data-status=\"").Append(status)
            .Append("\" aria-label=\"").Append(message.Role == ChatRole.User ? "You" : "Bot").Append("\"><div class=\"bubble\">");
        if (message.Text.Length > 0)
        {
            html.Append(message.Role == ChatRole.User
                ? $"<p class=\"text\">{Encoder.Encode(message.Text)}</p>"
                : $"<div class=\"text markdown\" data-testid=\"markdown\">{replyHtml}</div>");
        }

        if (message.Status == ReplyStatus.Stopped)
        {
            html.Append("<p class=\"meta stopped\" data-testid=\"stopped\">Stopped")
                .Append(message.Text.Length == 0 ? " before the bot wrote anything" : "").Append(".</p>");
        }

        if (message.Status == ReplyStatus.Failed)
        {
            html.Append("<p class=\"reply-error\" data-testid=\"reply-error\">").Append(Encoder.Encode(message.Error ?? "The reply failed.")).Append("</p>");
            if (retry != RetryButton.None)
            {
                Button(html, "secondary small", "retry", message.Sequence, retry == RetryButton.Disabled, "Retry");
            }
        }

        return html.Append("</div></article>").ToString();
    }

    /// <summary>The line under a message: when it was written, its versions, Edit, the model and tokens, Regenerate.</summary>
    public static string Meta(ChatMessage message, MessageMeta meta)
    {
        var html = new StringBuilder(512);
        html.Append("<div class=\"message-meta\"><time class=\"time-ago\" datetime=\"").Append(TimeAgo.Machine(message.CreatedAt))
            .Append("\" title=\"").Append(Encoder.Encode(TimeAgo.Exact(message.CreatedAt))).Append("\">")
            .Append(Encoder.Encode(meta.Time)).Append("</time>");
        if (message.Versions is { Count: > 1 } versions)
        {
            var disabled = !meta.Interactive || meta.Replying;
            html.Append($"<span class=\"versions\" data-testid=\"versions\" role=\"group\" aria-label=\"Version {versions.Number} of {versions.Count}\">");
            VersionButton(html, message, "version-previous", "Previous version", versions.Previous, disabled, "‹");
            html.Append($"<span data-testid=\"version-label\">{versions.Number}/{versions.Count}</span>");
            VersionButton(html, message, "version-next", "Next version", versions.Next, disabled, "›");
            html.Append("</span>");
        }

        if (meta.Editable)
        {
            Button(html, "link-button small", "edit", message.Sequence, !meta.Interactive || meta.Replying, "✎ Edit",
                meta.Replying ? " title=\"Wait for the reply to finish or stop it before editing.\"" : null);
        }

        if (meta.Offline)
        {
            html.Append("<span class=\"badge\" data-testid=\"offline-badge\" title=\"Replies come from the built-in offline bot\">offline bot</span>");
        }

        if (meta.Model is { } model)
        {
            html.Append("<span class=\"model-name\" data-testid=\"reply-model\" title=\"The model that wrote this reply\">").Append(Encoder.Encode(model)).Append("</span>");
        }

        if (message.Usage is { } tokens)
        {
            html.Append("<span class=\"usage\" data-testid=\"usage\" title=\"").Append(Encoder.Encode(UsageText.Detail(tokens))).Append("\">")
                .Append(Encoder.Encode(UsageText.Brief(tokens))).Append("</span>");
        }

        if (meta.Regenerable)
        {
            Button(html, "link-button small", "regenerate", message.Sequence, !meta.Interactive, "↻ Regenerate");
        }

        return html.Append("</div>").ToString();
    }

    // The action is the test id: "edit", "retry", "regenerate", "version-previous", "version-next".
    private static void Button(StringBuilder html, string classes, string action, long sequence, bool disabled, string label, string? attributes = null) =>
        html.Append("<button type=\"button\" class=\"").Append(classes).Append("\" data-testid=\"").Append(action)
            .Append("\" data-action=\"").Append(action).Append("\" data-sequence=\"").Append(sequence.ToString(CultureInfo.InvariantCulture))
            .Append('"').Append(attributes).Append(disabled ? " disabled>" : ">").Append(label).Append("</button>");

    // A version button names the version it shows: the list's script gives that one's button the focus back.
    private static void VersionButton(StringBuilder html, ChatMessage message, string action, string label, long target, bool disabled, string glyph) =>
        Button(html, "link-button small", action, message.Sequence, disabled || target == 0, glyph,
            $" data-target=\"{target.ToString(CultureInfo.InvariantCulture)}\" aria-label=\"{label}\"");
}

/// <summary>Whether a failed reply offers Retry, and whether it can be pressed now.</summary>
public enum RetryButton
{
    None,
    Disabled,
    Enabled,
}

/// <summary>
/// What the line under a message shows besides the message itself; the line is made again only when this changes.
/// </summary>
/// <param name="Time">When it was written, as the page says it now ("3 min ago").</param>
/// <param name="Model">The display name of the model that wrote a reply, or null to show none.</param>
/// <param name="Offline">Whether the built-in offline bot wrote it.</param>
/// <param name="Editable">Whether it offers Edit (a user message not being edited).</param>
/// <param name="Regenerable">Whether it offers Regenerate (the newest reply).</param>
/// <param name="Interactive">Whether the page is connected: before that every button is disabled.</param>
/// <param name="Replying">Whether a reply is being written: Edit and the versions wait for it.</param>
public readonly record struct MessageMeta(string Time, string? Model, bool Offline, bool Editable, bool Regenerable, bool Interactive, bool Replying);
