using System.Globalization;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>Decides whether a user's text can be stored, and in what form.</summary>
public static class MessageRules
{
    /// <summary>
    /// Returns the text to store (line breaks normalised to \n, surrounding white
    /// space removed), or an error sentence for the page.
    /// </summary>
    public static (string? Text, string? Error) Check(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, "Type a message first: an empty message cannot be sent.");
        }

        var trimmed = text.ReplaceLineEndings("\n").Trim();

        if (FindForbiddenCharacter(trimmed) is { } error)
        {
            return (null, error);
        }

        // No Unicode normalisation: the processes run with invariant globalization (no ICU in the
        // images), where it only covers ASCII; text is stored as typed.
        var checkedText = trimmed;
        if (checkedText.Length > maxLength)
        {
            return (null, string.Create(
                CultureInfo.InvariantCulture,
                $"The message is {checkedText.Length:N0} characters long; the limit is {maxLength:N0}. Shorten it and send again."));
        }

        return (checkedText, null);
    }

    private static string? FindForbiddenCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "The message contains a broken character (an unpaired surrogate) and was not sent.";
            }

            if (char.IsControl(c) && c is not '\n' and not '\t')
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"The message contains an invisible control character (U+{(int)c:X4}) and was not sent.");
            }
        }

        return null;
    }
}
