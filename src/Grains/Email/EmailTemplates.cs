using System.Globalization;
using System.Net;

namespace ChatbotOrleans.Grains.Email;

/// <summary>The emails the app sends, each as plain text and HTML. Everything from outside is HTML-encoded.</summary>
public static class EmailTemplates
{
    public static EmailMessage Welcome(string address, Uri app, Uri signInLink, TimeSpan linkLifetime)
    {
        var minutes = Minutes(linkLifetime);
        var text = $"""
            Welcome to Chatbot!

            You signed in as {address}. Your conversations are waiting at {app}

            To sign in on another device within {minutes}, open this link (it works once):
            {signInLink}

            Later, sign in with your address and we will email you a fresh link.
            """;
        var html = $"""
            <!DOCTYPE html>
            <html><body style="font-family:sans-serif">
            <h1>Welcome to Chatbot!</h1>
            <p>You signed in as <strong>{Encode(address)}</strong>. Your conversations are waiting at <a href="{Encode(app)}">{Encode(app)}</a>.</p>
            <p>To sign in on another device within {minutes}, use this link (it works once):</p>
            <p><a href="{Encode(signInLink)}">Sign in to Chatbot</a></p>
            <p>Later, sign in with your address and we will email you a fresh link.</p>
            </body></html>
            """;
        return new EmailMessage(address, "Welcome to Chatbot", text, html);
    }

    public static EmailMessage SignInLink(string address, Uri signInLink, TimeSpan linkLifetime)
    {
        var minutes = Minutes(linkLifetime);
        var text = $"""
            Someone (hopefully you) asked to sign in to Chatbot as {address}.

            Open this link within {minutes} to sign in (it works once):
            {signInLink}

            If it was not you, ignore this email: nobody can sign in without the link.
            """;
        var html = $"""
            <!DOCTYPE html>
            <html><body style="font-family:sans-serif">
            <p>Someone (hopefully you) asked to sign in to Chatbot as <strong>{Encode(address)}</strong>.</p>
            <p><a href="{Encode(signInLink)}">Sign in to Chatbot</a> (within {minutes}; the link works once).</p>
            <p>If it was not you, ignore this email: nobody can sign in without the link.</p>
            </body></html>
            """;
        return new EmailMessage(address, "Your sign-in link for Chatbot", text, html);
    }

    private static string Encode(object value) => WebUtility.HtmlEncode(value.ToString() ?? "");

    private static string Minutes(TimeSpan lifetime) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Round(lifetime.TotalMinutes))} minutes");
}
