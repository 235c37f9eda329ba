using ChatbotOrleans.Bench.Chats;
using ChatbotOrleans.Bench.Hosting;
using ChatbotOrleans.Bench.Phases;
using ChatbotOrleans.Bench.Report;

namespace ChatbotOrleans.Bench;

/// <summary>What every phase shares: the stack, the sizes, the table, and the baselines measured so far.</summary>
public sealed class BenchContext(BenchStack stack, BenchOptions options, Action<string> log, CancellationToken cancellationToken)
{
    public BenchStack Stack { get; } = stack;

    public BenchOptions Options { get; } = options;

    public BenchSizes Sizes => Options.Sizes;

    public ResultTable Table { get; } = new();

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public ChatFactory Chats { get; } = new(stack.Client.Cluster, cancellationToken);

    /// <summary>Conversations at their steady size, subscribed, shared by sections 2, 6 and 7 (as many as the highest concurrency).</summary>
    public List<ChatProbe> SteadyChats { get; set; } = [];

    /// <summary>A payload the size of the write one user message costs (its row in the message log), sampled from the database.</summary>
    public byte[] StatePayload { get; set; } = [];

    /// <summary>Section 1, by concurrency.</summary>
    public Dictionary<int, CeilingResult> Ceiling { get; } = [];

    public void Log(string line) => log(line);

    /// <summary>Makes the fake model answer with <paramref name="tokens"/> words after the given delays.</summary>
    public void SetModel(int tokens, TimeSpan firstToken, TimeSpan tokenDelay)
    {
        var reply = MessageText.Reply(tokens);
        Stack.Model.ReplyText = _ => reply;
        Stack.Model.FirstTokenDelay = firstToken;
        Stack.Model.TokenDelay = tokenDelay;
    }
}
