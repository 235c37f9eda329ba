using Microsoft.Playwright;

namespace ChatbotOrleans.ChatPages;

/// <summary>
/// The installed Chromium that every browser run here drives (Playwright cannot download one): the one
/// <c>CHROMIUM_PATH</c> names, else Debian's headless shell, else the whole browser.
/// </summary>
/// <remarks>
/// The headless shell is the same engine without the desktop browser around it, and what Playwright itself runs
/// headless. It cost the browser tests about a third less CPU (bench/results/test-suite.md).
/// </remarks>
public static class HeadlessChromium
{
    private static readonly string[] Installed = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];

    /// <summary>The executable to start; throws, saying what to install, when there is none.</summary>
    public static string Find()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured
            ? configured
            : Installed.FirstOrDefault(File.Exists) ?? Installed[0];
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"Chromium was not found at {path}. Install it (sudo apt-get install -y chromium-headless-shell; ./test.sh does this) or set CHROMIUM_PATH to its executable.");
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Find(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
}
