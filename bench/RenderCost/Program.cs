using System.Diagnostics;
using System.Globalization;
using ChatbotOrleans.Frontend.Chat.Markdown;
using Markdig;

// What one bot reply costs the frontend to render, the way the page renders it: once whole (a listed message),
// and as it streams (every delta renders the whole text so far). Markdig's own pipeline alone is timed beside
// it, so a run on a busy shared machine can be compared with another by ratio as well as by microseconds.
const int DeltaChars = 4;

var folder = Path.Combine(AppContext.BaseDirectory, "Replies");
var replies = Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal)
    .Select(path => (Name: Path.GetFileNameWithoutExtension(path), Text: File.ReadAllText(path).ReplaceLineEndings("\n")))
    .ToList();
var plain = new MarkdownPipelineBuilder().Build();

foreach (var (_, text) in replies)
{
    for (var i = 0; i < 300; i++)
    {
        MarkdownRenderer.ToHtml(text);
        Markdown.ToHtml(text, plain);
    }

    Stream(text);
}

// Best and median of several rounds: on a shared machine the best is the code's cost, the median what a busy host pays.
Console.WriteLine("| reply | chars | whole render, µs (best / median) | Markdig alone, µs (best) | ratio of bests | streamed in 4-char deltas, ms (best / median) |");
Console.WriteLine("|---|--:|--:|--:|--:|--:|");
foreach (var (name, text) in replies)
{
    var whole = Rounds(15, () => PerCall(200, () => MarkdownRenderer.ToHtml(text)));
    var markdig = Rounds(15, () => PerCall(200, () => Markdown.ToHtml(text, plain)));
    var streamed = Rounds(5, () => Time(() => Stream(text)).TotalMilliseconds);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {text.Length} | {whole.Best:F1} / {whole.Median:F1} | {markdig.Best:F1} | {whole.Best / markdig.Best:F2} | {streamed.Best:F1} / {streamed.Median:F1} |"));
}

static void Stream(string text)
{
    for (var end = DeltaChars; end < text.Length + DeltaChars; end += DeltaChars)
    {
        MarkdownRenderer.ToHtml(text[..Math.Min(end, text.Length)]);
    }
}

static double PerCall(int calls, Action action) => Time(() =>
{
    for (var i = 0; i < calls; i++)
    {
        action();
    }
}).TotalMicroseconds / calls;

static TimeSpan Time(Action action)
{
    var clock = Stopwatch.StartNew();
    action();
    return clock.Elapsed;
}

static (double Best, double Median) Rounds(int runs, Func<double> measure)
{
    var values = Enumerable.Range(0, runs).Select(_ => measure()).Order().ToList();
    return (values[0], values[runs / 2]);
}
