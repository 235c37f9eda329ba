using System.Globalization;
using System.Text;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>Decides whether a user's text can be stored, and in what form.</summary>
public static class MessageRules
{
    /// <summary>
    /// Returns the text to store (line breaks normalised to \n), or an error sentence for the page.
    /// Nothing is trimmed inside the text: what the user typed is what is kept.
    /// </summary>
    public static (string? Text, string? Error) Check(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, "Type a message first: an empty message cannot be sent.");
        }

        var normalized = text.ReplaceLineEndings("\n").Trim();
        if (normalized.Length > maxLength)
        {
            return (null, string.Create(
                CultureInfo.InvariantCulture,
                $"The message is {normalized.Length:N0} characters long; the limit is {maxLength:N0}. Shorten it and send again."));
        }

        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (char.IsHighSurrogate(c) && i + 1 < normalized.Length && char.IsLowSurrogate(normalized[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return (null, "The message contains a broken character (an unpaired surrogate) and was not sent.");
            }

            if (char.IsControl(c) && c is not '\n' and not '\t')
            {
                return (null, string.Create(
                    CultureInfo.InvariantCulture,
                    $"The message contains an invisible control character (U+{(int)c:X4}) and was not sent."));
            }
        }

        return (normalized.Normalize(NormalizationForm.FormC), null);
    }
}
