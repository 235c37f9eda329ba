namespace ChatbotOrleans.Grains.Usage;

/// <summary>
/// Counts the tokens of a text as a model would, for replies whose endpoint reports no usage and for the cap a reply
/// reserves. Implemented in the silo by a real tokenizer; <see cref="TokenEstimate.Characters"/> is the fallback.
/// </summary>
public interface ITokenCounter
{
    int Count(string text);
}
