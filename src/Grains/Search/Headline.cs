using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Search;

/// <summary>
/// A headline as the database writes it (ts_headline), its matched words between two marks, made into parts
/// a page renders encoded. The marks are private-use characters rather than HTML tags, so nothing a user wrote
/// can pass for markup.
/// </summary>
public static class Headline
{
    public const string StartMark = "\uE000";

    public const string StopMark = "\uE001";

    public static IReadOnlyList<SnippetPart> Parse(string headline)
    {
        var parts = new List<SnippetPart>();
        var rest = headline.AsSpan();
        while (rest.Length > 0)
        {
            var start = rest.IndexOf(StartMark, StringComparison.Ordinal);
            if (start < 0)
            {
                Add(parts, rest, marked: false);
                break;
            }

            Add(parts, rest[..start], marked: false);
            rest = rest[(start + StartMark.Length)..];
            var stop = rest.IndexOf(StopMark, StringComparison.Ordinal);
            var word = stop < 0 ? rest : rest[..stop];
            Add(parts, word, marked: true);
            rest = stop < 0 ? [] : rest[(stop + StopMark.Length)..];
        }

        return parts;
    }

    private static void Add(List<SnippetPart> parts, ReadOnlySpan<char> text, bool marked)
    {
        // A stray mark (a user may type one) is dropped rather than shown.
        var clean = text.ToString().Replace(StartMark, "", StringComparison.Ordinal).Replace(StopMark, "", StringComparison.Ordinal);
        if (clean.Length == 0)
        {
            return;
        }

        // ts_headline marks each word alone; neighbouring marked words read better as one run.
        if (parts.Count > 0 && parts[^1].Marked == marked)
        {
            parts[^1] = parts[^1] with { Text = parts[^1].Text + clean };
            return;
        }

        parts.Add(new SnippetPart(clean, marked));
    }
}
