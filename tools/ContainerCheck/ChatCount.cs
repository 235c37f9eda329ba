namespace ChatbotOrleans.ContainerCheck;

/// <summary>Sent messages against what a reloaded page shows: each once, each followed by exactly one reply.</summary>
internal sealed class ChatCount
{
    public int Sent { get; private set; }

    public int Lost { get; private set; }

    public int Doubled { get; private set; }

    public int Unanswered { get; private set; }

    public int ExtraReplies { get; private set; }

    public static ChatCount Of(IReadOnlyList<string> sent, IReadOnlyList<(string Role, string Text)> shown)
    {
        var count = new ChatCount { Sent = sent.Count };
        foreach (var text in sent)
        {
            var positions = shown.Select((m, i) => (m, i)).Where(x => x.m.Role == "user" && x.m.Text.Contains(text, StringComparison.Ordinal)).Select(x => x.i).ToList();
            count.Lost += positions.Count == 0 ? 1 : 0;
            count.Doubled += Math.Max(0, positions.Count - 1);
            foreach (var position in positions)
            {
                var replies = shown.Skip(position + 1).TakeWhile(m => m.Role != "user").Count(m => m.Role == "assistant");
                count.Unanswered += replies == 0 ? 1 : 0;
                count.ExtraReplies += Math.Max(0, replies - 1);
            }
        }

        return count;
    }

    public void Add(ChatCount other)
    {
        Sent += other.Sent;
        Lost += other.Lost;
        Doubled += other.Doubled;
        Unanswered += other.Unanswered;
        ExtraReplies += other.ExtraReplies;
    }

    public bool IsExact => Lost == 0 && Doubled == 0 && Unanswered == 0 && ExtraReplies == 0;

    public override string ToString() =>
        $"{Sent} sent, {Lost} lost, {Doubled} doubled, {Unanswered} unanswered, {ExtraReplies} extra replies";
}
