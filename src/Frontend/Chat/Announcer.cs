namespace ChatbotOrleans.Frontend.Chat;

/// <summary>The text of a polite live region: what a screen reader is told, once per sentence said.</summary>
public sealed class Announcer
{
    public string Text { get; private set; } = string.Empty;

    /// <summary>Puts the sentence in the region, to be read out.</summary>
    public void Say(string sentence) =>
        // A region reads only what changed, so the same sentence twice would be read once: a trailing space, there
        // every other time, makes each a change.
        Text = sentence == Text.TrimEnd() && !Text.EndsWith(' ') ? sentence + " " : sentence;
}
