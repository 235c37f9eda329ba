using System.Runtime.CompilerServices;
using ChatbotOrleans.Grains.Usage;
using Microsoft.ML.Tokenizers;

namespace ChatbotOrleans.Silo.Usage;

/// <summary>
/// Counts tokens with OpenAI's o200k_base encoding (the GPT-4o family's), shipped in a package so it works offline.
/// Other models' tokenizers differ by a few percent, which is why the counts stay marked estimated.
/// </summary>
internal sealed class TiktokenTokenCounter : ITokenCounter
{
    // Short texts (the offline bot counts its reply piece by piece) are cheap to count and would only fill the table.
    private const int RememberedFrom = 64;

    // Built once: loading the encoding's vocabulary is the expensive part; counting is thread-safe.
    private readonly TiktokenTokenizer _tokenizer = TiktokenTokenizer.CreateForEncoding("o200k_base");

    // Every reply reserves tokens for its whole context, mostly the same message texts as the last reply's: kept per
    // string the conversation holds, each is tokenized once, and its entry goes when the string does.
    private readonly ConditionalWeakTable<string, StrongBox<int>> _counts = [];

    public int Count(string text)
    {
        if (text.Length < RememberedFrom)
        {
            return _tokenizer.CountTokens(text);
        }

        if (_counts.TryGetValue(text, out var known))
        {
            return known.Value;
        }

        var count = _tokenizer.CountTokens(text);
        _counts.TryAdd(text, new StrongBox<int>(count));
        return count;
    }
}
