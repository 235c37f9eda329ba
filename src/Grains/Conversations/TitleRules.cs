using System.Globalization;
using System.Text;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>Decides whether a title typed by the user can be stored, and in what form.</summary>
public static class TitleRules
{
    public const int MaxLength = 80;

    private const int TitleLength = 60;

    /// <summary>
    /// Returns the title to store (one line, runs of white space as one space), or an error
    /// sentence for the page.
    /// </summary>
    public static (string? Title, string? Error) Check(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return (null, "Type a title: it cannot be empty.");
        }

        var builder = new StringBuilder(title.Length);
        var space = false;
        for (var i = 0; i < title.Length; i++)
        {
            var c = title[i];
            if (char.IsHighSurrogate(c) && i + 1 < title.Length && char.IsLowSurrogate(title[i + 1]))
            {
                builder.Append(c).Append(title[++i]);
                space = false;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return (null, "The title contains a broken character (an unpaired surrogate).");
            }

            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (char.IsControl(c))
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"The title contains an invisible control character (U+{(int)c:X4})."));
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        var tidy = builder.ToString();
        return tidy.Length <= MaxLength
            ? (tidy, null)
            : (null, string.Create(CultureInfo.InvariantCulture, $"The title is {tidy.Length} characters long; the limit is {MaxLength}."));
    }

    /// <summary>The title a conversation gets from its first message: its first line, shortened.</summary>
    public static string FromFirstMessage(string text)
    {
        var line = text.AsSpan().Trim();
        var newline = line.IndexOf('\n');
        if (newline >= 0)
        {
            line = line[..newline].TrimEnd();
        }

        if (line.Length <= TitleLength)
        {
            return line.ToString();
        }

        // Never cut between the two halves of a surrogate pair (an emoji, say).
        var cut = char.IsHighSurrogate(line[TitleLength - 2]) ? TitleLength - 2 : TitleLength - 1;
        return string.Concat(line[..cut].TrimEnd(), "…");
    }
}
