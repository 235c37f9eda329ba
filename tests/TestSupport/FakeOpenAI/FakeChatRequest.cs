using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace ChatbotOrleans.TestSupport.FakeOpenAI;

/// <summary>A chat completions request as the fake received it, and how it ended.</summary>
public sealed class FakeChatRequest
{
    private readonly TaskCompletionSource<FakeRequestOutcome> _finished =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _tokensSent;
    private long _finishedTimestamp;

    private FakeChatRequest(int number, string? model, IReadOnlyList<FakeChatMessage> messages, int? maxTokens, bool stream, string? apiKey, string body)
    {
        Number = number;
        Model = model;
        Messages = messages;
        MaxTokens = maxTokens;
        Stream = stream;
        ApiKey = apiKey;
        Body = body;
        StartedAt = DateTimeOffset.UtcNow;
    }

    /// <summary>1 for the first request the server received, and so on.</summary>
    public int Number { get; }

    public string? Model { get; }

    public IReadOnlyList<FakeChatMessage> Messages { get; }

    /// <summary><c>max_completion_tokens</c>, or the older <c>max_tokens</c>, if the client sent one.</summary>
    public int? MaxTokens { get; }

    public bool Stream { get; }

    /// <summary>The bearer token of the Authorization header, if any.</summary>
    public string? ApiKey { get; }

    /// <summary>The raw JSON body.</summary>
    public string Body { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>When the request's body was read, as a <see cref="Stopwatch"/> timestamp (for precise durations).</summary>
    public long StartedTimestamp { get; } = Stopwatch.GetTimestamp();

    /// <summary>When the server finished the request, as a <see cref="Stopwatch"/> timestamp; 0 while in progress.</summary>
    public long FinishedTimestamp => Volatile.Read(ref _finishedTimestamp);

    /// <summary>Content tokens written and flushed to the client so far.</summary>
    public int TokensSent => Volatile.Read(ref _tokensSent);

    public FakeRequestOutcome Outcome => _finished.Task.IsCompleted ? _finished.Task.Result : FakeRequestOutcome.InProgress;

    /// <summary>True when the client disconnected or cancelled before the server finished the reply.</summary>
    public bool AbortedByClient => Outcome == FakeRequestOutcome.AbortedByClient;

    /// <summary>Completes when the server is done with the request; await it instead of polling.</summary>
    public Task<FakeRequestOutcome> Finished => _finished.Task;

    /// <summary>Whether the client asked for a usage chunk at the end of the stream (<c>stream_options.include_usage</c>).</summary>
    public bool WantsUsage
    {
        get
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.TryGetProperty("stream_options", out var options)
                && options.TryGetProperty("include_usage", out var include) && include.ValueKind == JsonValueKind.True;
        }
    }

    public string LastUserText => Messages.LastOrDefault(m => m.Role == "user")?.Text ?? string.Empty;

    internal void TokenSent() => Interlocked.Increment(ref _tokensSent);

    /// <summary>The first outcome wins: a cut connection also aborts the request, and that is not the client's doing.</summary>
    internal bool Finish(FakeRequestOutcome outcome)
    {
        Interlocked.CompareExchange(ref _finishedTimestamp, Stopwatch.GetTimestamp(), 0);
        return _finished.TrySetResult(outcome);
    }

    internal static FakeChatRequest Parse(int number, string body, string? authorization)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;

        var messages = new List<FakeChatMessage>();
        if (root.TryGetProperty("messages", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var message in array.EnumerateArray())
            {
                var role = message.TryGetProperty("role", out var r) ? r.GetString() ?? string.Empty : string.Empty;
                var text = message.TryGetProperty("content", out var content) ? ReadText(content) : string.Empty;
                messages.Add(new FakeChatMessage(role, text));
            }
        }

        int? maxTokens = TryGetInt(root, "max_completion_tokens") ?? TryGetInt(root, "max_tokens");
        var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var model = root.TryGetProperty("model", out var m) ? m.GetString() : null;
        var apiKey = authorization is not null && authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            ? authorization["Bearer ".Length..]
            : null;

        return new FakeChatRequest(number, model, messages, maxTokens, stream, apiKey, body);
    }

    // Content is either a plain string or an array of typed parts; only text parts matter here.
    private static string ReadText(JsonElement content)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString() ?? string.Empty;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var part in content.EnumerateArray())
        {
            if (part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            {
                text.Append(t.GetString());
            }
        }

        return text.ToString();
    }

    private static int? TryGetInt(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
