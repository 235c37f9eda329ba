namespace ChatbotOrleans.Bench.Phases;

/// <summary>A tab that scrolled to a chat's first message: how long it took, how often it went to the top, and its DOM then.</summary>
public sealed record ScrollResult(TimeSpan Elapsed, int Scrolls, int Messages, int Elements);
