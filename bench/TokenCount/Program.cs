using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Usage;
using ChatbotOrleans.Silo.Usage;

// What counting a reply's tokens costs when its endpoint reports no usage: the context and the reply are counted
// once per reply (and the context once more when the reply reserves its budget). The four-characters-a-token
// fallback is timed beside it. The tokenizer is built once per silo; that cost is timed apart. Prose repeats its
// words, which the tokenizer caches; made-up words, different in every call, miss the cache: the worst case.
const int Calls = 100;
const string Sentence = "The conversation grain keeps a window of recent messages in memory, and older ones live in the log. ";

var started = Stopwatch.GetTimestamp();
var counter = new TiktokenTokenCounter();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tokenizer load (o200k_base, once per silo): {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms"));
Console.WriteLine();
Console.WriteLine("| text | size | context chars | reply chars | tokens (o200k) | tokens (4 chars) | o200k per reply, µs (best / median) | 4-char per reply, µs (best) |");
Console.WriteLine("|---|---|--:|--:|--:|--:|--:|--:|");
(string Name, int Context, int Reply)[] sizes = [("short chat", 400, 300), ("typical", 4_000, 1_500), ("full context", 12_000, 4_000)];
foreach (var (kind, text) in new (string, Func<int, int, string>)[] { ("prose", Prose), ("made-up words", MadeUp) })
{
    foreach (var (name, contextChars, replyChars) in sizes)
    {
        var inputs = Enumerable.Range(0, Calls).Select(seed => (Context: Turns(contextChars, seed, text), Reply: text(replyChars, seed + 1_000))).ToList();
        var (context, reply) = inputs[0];
        var tokenizer = Rounds(15, () => PerCall(inputs, i => TokenEstimate.Of(i.Context, i.Reply, counter.Count)));
        var characters = Rounds(15, () => PerCall(inputs, i => TokenEstimate.Of(i.Context, i.Reply)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {kind} | {name} | {contextChars} | {replyChars} | {TokenEstimate.Of(context, reply, counter.Count).Total} | {TokenEstimate.Of(context, reply).Total} | {tokenizer.Best:F1} / {tokenizer.Median:F1} | {characters.Best:F2} |"));
    }
}

static string Prose(int chars, int seed) => string.Concat(Enumerable.Repeat(Sentence, (chars / Sentence.Length) + 1))[..chars];

static string MadeUp(int chars, int seed)
{
    var random = new Random(seed);
    var text = new StringBuilder();
    while (text.Length < chars)
    {
#pragma warning disable CA5394 // test data, not security
        text.Append(' ').Append(Enumerable.Range(0, random.Next(2, 10)).Select(_ => (char)('a' + random.Next(26))).ToArray());
#pragma warning restore CA5394
    }

    return text.ToString(0, chars);
}

static IReadOnlyList<ChatTurn> Turns(int chars, int seed, Func<int, int, string> text) =>
    [.. Enumerable.Range(0, 8).Select(i => new ChatTurn(i % 2 == 0 ? ChatRole.User : ChatRole.Assistant, text(chars / 8, (seed * 8) + i + 10_000)))];

static double PerCall<T>(List<T> inputs, Action<T> action)
{
    var start = Stopwatch.GetTimestamp();
    foreach (var input in inputs)
    {
        action(input);
    }

    return Stopwatch.GetElapsedTime(start).TotalMicroseconds / inputs.Count;
}

static (double Best, double Median) Rounds(int rounds, Func<double> measure)
{
    var results = Enumerable.Range(0, rounds).Select(_ => measure()).Order().ToList();
    return (results[0], results[rounds / 2]);
}
