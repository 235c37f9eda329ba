using System.Globalization;
using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>Decides whether a user's text can be stored, and in what form.</summary>
public static class MessageRules
{
    /// <summary>The text of a send to store (see the overload for text), or an error sentence; a send needs an id.</summary>
    public static (string? Text, string? Error) Check(SendMessage message, int maxLength) => message.Id.Value == Guid.Empty
        ? (null, "The message has no id; reload the page and send again.")
        : Check(message.Text, maxLength);

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

    /// <summary>A sentence ("The message contains … and was not sent.") when the text holds a character no one types.</summary>
    internal static string? FindForbiddenCharacter(string text, string subject = "The message contains", string ending = "was not sent")
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
                return $"{subject} a broken character (an unpaired surrogate) and {ending}.";
            }

            if (char.IsControl(c) && c is not '\n' and not '\t')
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"{subject} an invisible control character (U+{(int)c:X4}) and {ending}.");
            }
        }

        return null;
    }
}
