using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Usage;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;
using ChatMessage = OpenAI.Chat.ChatMessage;

namespace ChatbotOrleans.Silo.ChatModels;

/// <summary>The chat model port over any OpenAI-compatible chat completions API, streamed.</summary>
internal sealed class OpenAIChatModel : IChatModel
{
    // Ollama and vLLM ignore the key but the SDK refuses to send a request without one.
    private const string PlaceholderApiKey = "no-key-required";

    // A server asking for a longer pause than this is better reported to the user than waited for.
    private static readonly TimeSpan MaxRetryAfterWait = TimeSpan.FromSeconds(20);

    private readonly OpenAIOptions _options;
    private readonly ChatClient _client;
    private readonly ILogger<OpenAIChatModel> _logger;
    private readonly ITokenCounter _counter;

    public OpenAIChatModel(IOptions<OpenAIOptions> options, ILogger<OpenAIChatModel> logger, ITokenCounter? counter = null)
    {
        _options = options.Value;
        _logger = logger;
        _counter = counter ?? TokenEstimate.Characters;

        var clientOptions = new OpenAIClientOptions
        {
            NetworkTimeout = _options.RequestTimeout,

            // The SDK would retry on its own; we retry ourselves, because only we know whether a token has
            // already been handed to the conversation (after that a retry would duplicate text).
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        if (!string.IsNullOrWhiteSpace(_options.Endpoint))
        {
            clientOptions.Endpoint = new Uri(_options.Endpoint, UriKind.Absolute);
        }

        var apiKey = string.IsNullOrWhiteSpace(_options.ApiKey) ? PlaceholderApiKey : _options.ApiKey;
        _client = new ChatClient(_options.Model, new ApiKeyCredential(apiKey), clientOptions);
    }

    public string Name => _options.Model;

    public int? MaxOutputTokens => _options.MaxOutputTokens;

    public bool IsOffline => false;

    public IAsyncEnumerable<string> StreamReplyAsync(IReadOnlyList<ChatTurn> context, CancellationToken cancellationToken) =>
        StreamReplyAsync(context, new UsageReceipt(), cancellationToken);

    public IAsyncEnumerable<string> StreamReplyAsync(IReadOnlyList<ChatTurn> context, UsageReceipt usage, CancellationToken cancellationToken) =>
        FragmentCoalescer.CoalesceAsync(StreamTokensAsync(context, usage, cancellationToken), _options.StreamUpdateInterval, cancellationToken);

    // The system prompt goes with every request, so it is counted with the context.
    public TokenUsage EstimateUsage(IReadOnlyList<ChatTurn> context, string reply) => string.IsNullOrWhiteSpace(_options.SystemPrompt)
        ? TokenEstimate.Of(context, reply, _counter.Count)
        : TokenEstimate.Of([new ChatTurn(ChatRole.User, _options.SystemPrompt), .. context], reply, _counter.Count);

    private async IAsyncEnumerable<string> StreamTokensAsync(
        IReadOnlyList<ChatTurn> context,
        UsageReceipt usage,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var messages = ToMessages(context);
        var completionOptions = new ChatCompletionOptions { MaxOutputTokenCount = Math.Min(_options.MaxOutputTokens, usage.MaxOutputTokens ?? int.MaxValue) };
        var yielded = false;

        for (var attempt = 0; ; attempt++)
        {
            ChatModelException? failure = null;
            TimeSpan? retryAfter = null;
            var finished = false;

            await using (var updates = _client
                .CompleteChatStreamingAsync(messages, completionOptions, cancellationToken)
                .GetAsyncEnumerator(cancellationToken))
            {
                while (true)
                {
                    StreamingChatCompletionUpdate update;
                    try
                    {
                        if (!await updates.MoveNextAsync())
                        {
                            break;
                        }

                        update = updates.Current;
                    }
                    catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        failure = OpenAIFailure.FromException(exception, out retryAfter);
                        break;
                    }

                    finished |= update.FinishReason is not null;

                    // The SDK asks for it (stream_options.include_usage); it comes in a last chunk without content.
                    if (update.Usage is { } reported)
                    {
                        usage.Report(reported.InputTokenCount, reported.OutputTokenCount);
                    }

                    foreach (var part in update.ContentUpdate)
                    {
                        if (part.Kind == ChatMessageContentPartKind.Text && !string.IsNullOrEmpty(part.Text))
                        {
                            yielded = true;
                            yield return part.Text;
                        }
                    }
                }
            }

            // A stream that ends without a finish reason was cut (proxy, server restart) rather than completed.
            failure ??= finished ? null : OpenAIFailure.StreamEndedEarly();
            if (failure is null)
            {
                yield break;
            }

            var delay = RetryDelay(attempt, retryAfter);
            if (yielded || !failure.IsTransient || attempt >= _options.MaxRetries || delay is null)
            {
                ChatModelLog.Failed(
                    _logger, failure.InnerException, _options.Model, attempt + 1, failure.IsTransient, yielded, failure.Message);
                throw failure;
            }

            ChatModelLog.Retrying(_logger, _options.Model, attempt + 1, failure.Message, delay.Value);
            await Task.Delay(delay.Value, cancellationToken);
        }
    }

    private TimeSpan? RetryDelay(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } requested)
        {
            return requested <= MaxRetryAfterWait ? requested : null;
        }

        // Exponential backoff with jitter, so silos hit by the same outage do not retry in lockstep.
        var backoff = _options.RetryDelay * Math.Pow(2, attempt);
#pragma warning disable CA5394 // jitter needs no cryptographic randomness
        return backoff * (0.8 + (Random.Shared.NextDouble() * 0.4));
#pragma warning restore CA5394
    }

    private List<ChatMessage> ToMessages(IReadOnlyList<ChatTurn> context)
    {
        var messages = new List<ChatMessage>(context.Count + 1);

        // A conversation's own instructions take the place of the operator's default prompt.
        if (!string.IsNullOrWhiteSpace(_options.SystemPrompt) && !context.Any(turn => turn.Role == ChatRole.System))
        {
            messages.Add(ChatMessage.CreateSystemMessage(_options.SystemPrompt));
        }

        foreach (var turn in context)
        {
            messages.Add(turn.Role switch
            {
                ChatRole.User => ChatMessage.CreateUserMessage(turn.Text),
                ChatRole.Assistant => ChatMessage.CreateAssistantMessage(turn.Text),
                ChatRole.System => ChatMessage.CreateSystemMessage(turn.Text),
                _ => throw new ArgumentOutOfRangeException(nameof(context), turn.Role, "Unknown chat role."),
            });
        }

        return messages;
    }
}
