namespace ChatbotOrleans.TestSupport.FakeOpenAI;

/// <summary>How the fake cuts a reply into streamed tokens by default.</summary>
public static class FakeTokenizer
{
    /// <summary>Words, each carrying its leading whitespace, so the tokens concatenate back to the text.</summary>
    public static IReadOnlyList<string> SplitWords(string text)
    {
        var tokens = new List<string>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || (char.IsWhiteSpace(text[i]) && !char.IsWhiteSpace(text[i - 1])))
            {
                tokens.Add(text[start..i]);
                start = i;
            }
        }

        return tokens;
    }
}
