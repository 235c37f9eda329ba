using System.Text.RegularExpressions;
using ChatbotOrleans.ChatPages;

namespace ChatbotOrleans.ContainerCheck;

/// <summary>A first user's visit to the Compose stack: sign in, chat, read the welcome email, reload, follow its link.</summary>
internal static partial class ComposeCheck
{
    public static async Task<int> RunAsync(ChatBrowser browser)
    {
        var email = $"compose-{Guid.NewGuid():N}@example.com";
        var page = await browser.SignInAsync(email);
        const string Text = "Hello from the compose check";
        await ChatPage.TypeAndSendAsync(page, Text);
        await Poll.UntilAsync(async () => ChatPage.IsAnswered(await ChatPage.MessagesAsync(page), Text), TimeSpan.FromSeconds(60), "the first message was not answered");

        var welcome = await browser.Mailbox.WaitForAsync(email, "Welcome to Chatbot", TimeSpan.FromSeconds(90));
        var link = SignInLink().Match(welcome.Text);
        if (!link.Success)
        {
            throw new InvalidOperationException($"The welcome email holds no sign-in link:\n{welcome.Text}");
        }

        var linkUrl = new Uri(link.Value);
        if (linkUrl.GetLeftPart(UriPartial.Authority) != browser.BaseUrl.GetLeftPart(UriPartial.Authority))
        {
            throw new InvalidOperationException($"The welcome email links to {linkUrl.GetLeftPart(UriPartial.Authority)}, not to the app at {browser.BaseUrl} (Email__PublicUrl).");
        }

        await page.ReloadAsync();
        await ChatPage.WaitUntilInteractiveAsync(page, TimeSpan.FromSeconds(60));
        var afterReload = await ChatPage.MessagesAsync(page);
        if (!ChatPage.IsAnswered(afterReload, Text) || afterReload.Count != 2)
        {
            throw new InvalidOperationException($"After a reload the page shows {afterReload.Count} messages: {string.Join(" | ", afterReload)}");
        }

        // The emailed link, opened in another browser, signs in to the same account.
        var other = await (await browser.Browser.NewContextAsync()).NewPageAsync();
        await other.GotoAsync(linkUrl.ToString());
        // The link page asks for a click: mail scanners that open links must not use them up.
        await other.ClickAsync("button[type=submit]");
        await other.WaitForURLAsync(ChatPage.ChatUrl(), new() { Timeout = 60_000 });
        await ChatPage.WaitUntilInteractiveAsync(other, TimeSpan.FromSeconds(60));
        var titles = await other.Locator("[data-testid=conversation-link]").CountAsync();
        if (titles < 1)
        {
            throw new InvalidOperationException("The welcome email's link signed in, but the conversation of that address is not listed.");
        }

        Console.WriteLine($"compose check: signed in as {email}, 1 message answered, welcome email received, its link ({linkUrl.GetLeftPart(UriPartial.Path)}) signs in, reload kept 2 messages");
        return 0;
    }

    // The token travels in the fragment, which no proxy or server log sees.
    [GeneratedRegex(@"https?://\S+/signin/link#token=[^\s""<>]+")]
    private static partial Regex SignInLink();
}
