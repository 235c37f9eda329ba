namespace ChatbotOrleans.ContainerCheck;

/// <summary>Pages that keep chatting while the stack is updated, then a count of every message they sent.</summary>
internal static class LoadCheck
{
    public static async Task<int> RunAsync(ChatBrowser browser, int pages, string stopFile)
    {
        var runs = new List<PageRun>();
        for (var p = 1; p <= pages; p++)
        {
            runs.Add(await PageRun.StartAsync(browser, $"page{p}"));
        }

        // Tells the script the pages are chatting: the update may start.
        await File.WriteAllTextAsync(stopFile + ".ready", "ready");
        Console.WriteLine($"load check: {pages} pages signed in and chatting");
        await Task.WhenAll(runs.Select(r => r.ChatUntilAsync(stopFile)));

        var total = new ChatCount();
        foreach (var run in runs.Where(r => r.Failure is null))
        {
            total.Add(await run.CountAsync());
        }

        var welcomes = 0;
        foreach (var run in runs)
        {
            welcomes += (await browser.Mailbox.MessagesToAsync(run.Email)).Count(m => m.Subject == "Welcome to Chatbot");
        }

        var failures = runs.Where(r => r.Failure is not null).Select(r => r.Failure).ToList();
        Console.WriteLine(
            $"load check: {pages} pages, {total}, {runs.Sum(r => r.Resent)} resent after a reconnect, " +
            $"{runs.Sum(r => r.Reloads)} reloads by the pages themselves, {pages - failures.Count}/{pages} pages reconnected, " +
            $"{welcomes} welcome emails for {pages} users");
        foreach (var failure in failures)
        {
            Console.WriteLine($"load check: {failure}");
        }

        return total.IsExact && failures.Count == 0 && welcomes == pages ? 0 : 1;
    }
}
