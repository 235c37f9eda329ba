using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatbotOrleans.TestSupport.FakeOpenAI;

/// <summary>
/// An in-process OpenAI-compatible server on Kestrel (127.0.0.1, free port) that streams chat completions
/// as server-sent events. Tests change its behaviour at any time and read what it received. Safe for many
/// concurrent streams: the hot path takes no lock.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<FakeChatRequest> _requests = new();
    private readonly FakeFaults _faults = new();
    private int _requestsStarted;
    private int _requestsCompleted;
    private int _requestsAbortedByClient;

    private FakeOpenAIServer(WebApplication app) => _app = app;

    /// <summary>Base URL to configure as the OpenAI endpoint, e.g. <c>http://127.0.0.1:41234/v1</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The reply for a request; by default "Echo: " and the last user message.</summary>
    public Func<FakeChatRequest, string> ReplyText { get; set; } = request => "Echo: " + request.LastUserText;

    /// <summary>Splits the reply into streamed tokens; by default words, each with its leading whitespace.</summary>
    public Func<string, IReadOnlyList<string>> Tokenizer { get; set; } = FakeTokenizer.SplitWords;

    /// <summary>
    /// The usage (prompt, completion tokens) a stream that asked for it ends with; <c>null</c>, the default, sends
    /// none, as servers without usage reporting do.
    /// </summary>
    public Func<FakeChatRequest, (int Prompt, int Completion)?>? UsageFor { get; set; }

    /// <summary>Pause between the role chunk and the first content token.</summary>
    public TimeSpan FirstTokenDelay { get; set; }

    /// <summary>Pause before each content token after the first.</summary>
    public TimeSpan TokenDelay { get; set; }

    /// <summary>
    /// Awaited before each content token is written (index from 0, and once more with the token count before
    /// the final chunk), with the request's abort token, and before any planned cut or malformed chunk at that
    /// index: lets a test hold the stream at a precise point instead of relying on timing.
    /// </summary>
    public Func<FakeChatRequest, int, CancellationToken, Task>? BeforeTokenAsync { get; set; }

    /// <summary>
    /// Whether <see cref="Requests"/> keeps every request; a benchmark sending hundreds of thousands turns it
    /// off, as each request holds its whole body.
    /// </summary>
    public bool KeepRequests { get; set; } = true;

    /// <summary>Called once per request when the server is done with it (any outcome), e.g. to time the model's own part.</summary>
    public Action<FakeChatRequest>? RequestFinished { get; set; }

    /// <summary>Every request received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<FakeChatRequest> Requests => [.. _requests];

    public int RequestsStarted => Volatile.Read(ref _requestsStarted);

    /// <summary>Requests the server finished as planned, including planned failures.</summary>
    public int RequestsCompleted => Volatile.Read(ref _requestsCompleted);

    public int RequestsAbortedByClient => Volatile.Read(ref _requestsAbortedByClient);

    public static async Task<FakeOpenAIServer> StartAsync(CancellationToken ct = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;

            // Benchmarks may hold thousands of slow streams; rate limits would kill them, not the client.
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MaxConcurrentConnections = null;
        });

        var server = new FakeOpenAIServer(builder.Build());
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync(ct);

        var address = server._app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    /// <summary>The next <paramref name="requests"/> requests answer <paramref name="statusCode"/> with an OpenAI error body.</summary>
    public void FailNextRequests(int requests, int statusCode, TimeSpan? retryAfter = null) =>
        _faults.Plan(FakeFaultKind.Status, new FakeFault(requests, statusCode, retryAfter));

    /// <summary>The next <paramref name="requests"/> streams are cut (connection aborted) after <paramref name="afterTokens"/> tokens.</summary>
    public void CutConnectionAfterTokens(int afterTokens, int requests = 1) =>
        _faults.Plan(FakeFaultKind.Cut, new FakeFault(requests, afterTokens: afterTokens));

    /// <summary>The next <paramref name="requests"/> streams send an unparsable chunk after <paramref name="afterTokens"/> tokens, then end.</summary>
    public void SendMalformedChunkAfterTokens(int afterTokens, int requests = 1) =>
        _faults.Plan(FakeFaultKind.Malformed, new FakeFault(requests, afterTokens: afterTokens));

    /// <summary>
    /// The next <paramref name="requests"/> streams go silent after <paramref name="afterTokens"/> tokens, with the
    /// connection open, until the client gives up: a model that stopped answering.
    /// </summary>
    public void StallAfterTokens(int afterTokens, int requests = 1) =>
        _faults.Plan(FakeFaultKind.Stall, new FakeFault(requests, afterTokens: afterTokens));

    /// <summary>Cancels every planned failure, cut, malformed chunk and stall.</summary>
    public void ClearFaults() => _faults.Clear();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(deadline.Token);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || context.Request.Path.Value?.EndsWith("/chat/completions", StringComparison.Ordinal) != true)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var ct = linked.Token;
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(ct);
        var request = FakeChatRequest.Parse(
            Interlocked.Increment(ref _requestsStarted), body, context.Request.Headers.Authorization.ToString());
        if (KeepRequests)
        {
            _requests.Enqueue(request);
        }

        try
        {
            var outcome = await RespondAsync(context, request, ct);
            if (request.Finish(outcome) && outcome != FakeRequestOutcome.ConnectionCut)
            {
                Interlocked.Increment(ref _requestsCompleted);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            if (request.Finish(FakeRequestOutcome.AbortedByClient))
            {
                Interlocked.Increment(ref _requestsAbortedByClient);
            }
        }

        RequestFinished?.Invoke(request);
    }

    private async Task<FakeRequestOutcome> RespondAsync(HttpContext context, FakeChatRequest request, CancellationToken ct)
    {
        var response = context.Response;
        if (_faults.Claim(FakeFaultKind.Status) is { } failure)
        {
            await FakeChunks.WriteErrorAsync(response, failure.StatusCode, failure.RetryAfter, ct);
            return FakeRequestOutcome.FailedWithStatus;
        }

        var id = "chatcmpl-fake-" + request.Number.ToString(CultureInfo.InvariantCulture);
        var model = request.Model ?? "fake-model";
        // A real endpoint stops at the client's max_completion_tokens (finish reason "length"); one token a piece here.
        var whole = Tokenizer(ReplyText(request));
        var tokens = request.MaxTokens is { } max && max < whole.Count ? whole.Take(max).ToList() : whole;
        if (!request.Stream)
        {
            await FakeChunks.WriteCompletionAsync(response, id, model, string.Concat(tokens), ct);
            return FakeRequestOutcome.Completed;
        }

        var (cut, malformed, stall) = (_faults.Claim(FakeFaultKind.Cut), _faults.Claim(FakeFaultKind.Malformed), _faults.Claim(FakeFaultKind.Stall));
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        await FakeChunks.WriteRoleAsync(response, id, model, ct);

        for (var i = 0; i <= tokens.Count; i++)
        {
            var delay = i == 0 ? FirstTokenDelay : TokenDelay;
            if (i < tokens.Count && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, ct);
            }

            if (BeforeTokenAsync is { } beforeToken)
            {
                await beforeToken(request, i, ct);
            }

            if (stall?.AfterTokens == i)
            {
                // Ends when the client aborts (its timeout) or the server stops: either way no more tokens.
                await Task.Delay(Timeout.Infinite, ct);
            }

            if (cut?.AfterTokens == i)
            {
                // Finish first: aborting also trips RequestAborted, which must not count as the client's doing.
                request.Finish(FakeRequestOutcome.ConnectionCut);
                context.Abort();
                return FakeRequestOutcome.ConnectionCut;
            }

            if (malformed?.AfterTokens == i)
            {
                await FakeChunks.WriteMalformedAsync(response, ct);
                return FakeRequestOutcome.MalformedChunkSent;
            }

            if (i == tokens.Count)
            {
                break;
            }

            await FakeChunks.WriteContentAsync(response, id, model, tokens[i], ct);
            request.TokenSent();
        }

        await FakeChunks.WriteStopAsync(response, id, model, tokens.Count < whole.Count ? "length" : "stop", ct);
        if (request.WantsUsage && UsageFor?.Invoke(request) is { } usage)
        {
            await FakeChunks.WriteUsageAsync(response, id, model, usage.Prompt, usage.Completion, ct);
        }

        await FakeChunks.WriteDoneAsync(response, ct);
        return FakeRequestOutcome.Completed;
    }
}
