using ChatbotOrleans.ContainerCheck;
using Microsoft.Playwright;

// Usage:
//   compose BASE_URL MAIL_API_URL                 sign in, chat, read the welcome email, follow its link, reload
//   load BASE_URL MAIL_API_URL PAGES STOP_FILE    pages keep chatting until STOP_FILE exists, then every message is counted
if (args.Length < 3 || args[0] is not ("compose" or "load") || (args[0] == "load" && args.Length < 5))
{
    Console.Error.WriteLine("usage: compose BASE_URL MAIL_API_URL | load BASE_URL MAIL_API_URL PAGES STOP_FILE");
    return 2;
}

await using var browser = await ChatBrowser.StartAsync(new Uri(args[1]), new Mailbox(new Uri(args[2])));
try
{
    return args[0] == "compose"
        ? await ComposeCheck.RunAsync(browser)
        : await LoadCheck.RunAsync(browser, int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), args[4]);
}
catch (Exception exception) when (exception is TimeoutException or InvalidOperationException or PlaywrightException)
{
    Console.Error.WriteLine($"container check failed: {exception.Message}");
    return 1;
}
