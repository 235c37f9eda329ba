using ChatbotOrleans.Grains.Usage;
using Microsoft.ML.Tokenizers;

namespace ChatbotOrleans.Silo.Usage;

/// <summary>
/// Counts tokens with OpenAI's o200k_base encoding (the GPT-4o family's), shipped in a package so it works offline.
/// Other models' tokenizers differ by a few percent, which is why the counts stay marked estimated.
/// </summary>
internal sealed class TiktokenTokenCounter : ITokenCounter
{
    // Built once: loading the encoding's vocabulary is the expensive part; counting is thread-safe.
    private readonly TiktokenTokenizer _tokenizer = TiktokenTokenizer.CreateForEncoding("o200k_base");

    public int Count(string text) => _tokenizer.CountTokens(text);
}
