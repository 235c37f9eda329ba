namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>Sent messages against what a page shows: each once, each followed by exactly one reply (as the Swarm load check counts).</summary>
public sealed record ShownCount(int Sent, int Lost, int Doubled, int Unanswered, int ExtraReplies)
{
    public static readonly ShownCount None = new(0, 0, 0, 0, 0);

    public static ShownCount Of(IReadOnlyList<string> sent, IReadOnlyList<(string Role, string Text)> shown)
    {
        var count = None with { Sent = sent.Count };
        foreach (var text in sent)
        {
            var positions = shown.Select((m, i) => (m, i)).Where(x => x.m.Role == "user" && x.m.Text.Contains(text, StringComparison.Ordinal)).Select(x => x.i).ToList();
            count = count with { Lost = count.Lost + (positions.Count == 0 ? 1 : 0), Doubled = count.Doubled + Math.Max(0, positions.Count - 1) };
            foreach (var position in positions)
            {
                var replies = shown.Skip(position + 1).TakeWhile(m => m.Role != "user").Count(m => m.Role == "assistant");
                count = count with { Unanswered = count.Unanswered + (replies == 0 ? 1 : 0), ExtraReplies = count.ExtraReplies + Math.Max(0, replies - 1) };
            }
        }

        return count;
    }

    public static ShownCount operator +(ShownCount a, ShownCount b) =>
        new(a.Sent + b.Sent, a.Lost + b.Lost, a.Doubled + b.Doubled, a.Unanswered + b.Unanswered, a.ExtraReplies + b.ExtraReplies);

    public override string ToString() => $"{Sent} sent, {Lost} lost, {Doubled} shown twice, {Unanswered} unanswered, {ExtraReplies} extra replies";
}
