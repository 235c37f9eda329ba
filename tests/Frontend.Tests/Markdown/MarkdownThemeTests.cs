using System.Globalization;
using System.Text.RegularExpressions;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Markdown;

/// <summary>WCAG AA for the colours of rendered replies, read from the stylesheets the browser gets.</summary>
public sealed partial class MarkdownThemeTests
{
    private const double AaNormalText = 4.5;
    private const string DarkTheme = "@media (prefers-color-scheme: dark)";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Code_colours_pass_AA_on_the_code_background_and_on_the_bubble(bool dark)
    {
        var markdown = Theme("src/Frontend/wwwroot/markdown.css", dark);
        var page = Theme("src/Frontend/wwwroot/app.css", dark);
        var foregrounds = markdown.Where(v => v.Key.StartsWith("md-tok-", StringComparison.Ordinal) || v.Key is "md-code-text" or "md-label").ToList();
        foregrounds.Count.ShouldBeGreaterThan(10);

        foreach (var background in new[] { markdown["md-code-bg"], page["bot-bubble"] })
        {
            foreach (var (name, colour) in foregrounds)
            {
                Contrast(colour, background).ShouldBeGreaterThanOrEqualTo(AaNormalText, $"--{name} {colour} on {background} (dark: {dark})");
            }
        }

        Contrast(page["accent"], page["bot-bubble"]).ShouldBeGreaterThanOrEqualTo(AaNormalText, "links on the bubble");
        Contrast(page["text"], markdown["md-code-bg"]).ShouldBeGreaterThanOrEqualTo(AaNormalText, "table headers");
    }

    [Fact]
    public void Contrast_matches_the_WCAG_reference_values()
    {
        Contrast("#000000", "#ffffff").ShouldBe(21, tolerance: 0.01);
        Contrast("#777777", "#ffffff").ShouldBe(4.48, tolerance: 0.01);
    }

    private static Dictionary<string, string> Theme(string relativePath, bool dark)
    {
        var css = File.ReadAllText(Path.Combine(RepositoryRoot(), relativePath));
        var at = css.IndexOf(DarkTheme, StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0, relativePath + " has a dark theme");
        var colours = Variables(css[..at]);
        if (dark)
        {
            foreach (var (name, value) in Variables(css[at..]))
            {
                colours[name] = value;
            }
        }

        return colours;
    }

    private static Dictionary<string, string> Variables(string css)
    {
        var found = new Dictionary<string, string>();
        foreach (Match match in Variable().Matches(css))
        {
            found.TryAdd(match.Groups[1].Value, match.Groups[2].Value);
        }

        return found;
    }

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(1 + offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(2)) + (0.0722 * Channel(4));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChatbotOrleans.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ChatbotOrleans.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("--([a-z0-9-]+):\\s*(#[0-9a-fA-F]{6})\\b")]
    private static partial Regex Variable();
}
