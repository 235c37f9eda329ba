using System.Globalization;
using System.Text;
using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Bench.Chats;

/// <summary>User messages and model replies of known sizes.</summary>
public static class MessageText
{
    private const string Filler = " lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor";

    /// <summary>The length of <see cref="KeyOf"/>: "message " and the id's 32 hex digits.</summary>
    public const int KeyLength = 40;

    /// <summary>A message of <paramref name="characters"/> ASCII characters (at least <see cref="KeyLength"/>) that starts with its id.</summary>
    public static string Make(MessageId id, int characters)
    {
        var text = new StringBuilder("message ").Append(id.ToString());
        while (text.Length < characters)
        {
            text.Append(Filler);
        }

        return text.ToString(0, Math.Max(characters, KeyLength));
    }

    /// <summary>What identifies a message made by <see cref="Make"/>, e.g. in the text the model received.</summary>
    public static string KeyOf(string text) => text.Length >= KeyLength ? text[..KeyLength] : text;

    /// <summary>A reply of <paramref name="tokens"/> words; the fake model streams one word per token.</summary>
    public static string Reply(int tokens) =>
        string.Join(' ', Enumerable.Range(0, tokens).Select(i => "tok" + (i % 100).ToString(CultureInfo.InvariantCulture)));
}
