using System.ClientModel;
using System.Globalization;
using System.Text.Json;
using ChatbotOrleans.Grains.Conversations;

namespace ChatbotOrleans.Silo.ChatModels;

/// <summary>
/// Turns what the OpenAI SDK throws into a sentence a user can read. The SDK's own messages are never
/// copied: they embed the provider's response body, which for a 401 quotes part of the API key.
/// </summary>
internal static class OpenAIFailure
{
    public static ChatModelException FromException(Exception exception, out TimeSpan? retryAfter)
    {
        retryAfter = null;
        switch (exception)
        {
            case ClientResultException { Status: 429 } rateLimited:
                retryAfter = ReadRetryAfter(rateLimited);
                return new ChatModelException(RateLimitedMessage(retryAfter), isTransient: true, exception);
            case ClientResultException { Status: 401 or 403 } denied:
                return new ChatModelException(
                    $"The language model refused our credentials (HTTP {denied.Status}); the service's model configuration needs fixing.",
                    isTransient: false,
                    exception);
            case ClientResultException { Status: 408 or >= 500 } unavailable:
                return new ChatModelException(
                    $"The language model is unavailable right now (HTTP {unavailable.Status}); please try again.",
                    isTransient: true,
                    exception);
            case ClientResultException { Status: 0 }:
            case HttpRequestException:
            case IOException:
                return new ChatModelException(
                    "The connection to the language model broke off; please try again.", isTransient: true, exception);
            case ClientResultException rejected:
                return new ChatModelException(
                    $"The language model rejected the request (HTTP {rejected.Status}); check the model name and endpoint.",
                    isTransient: false,
                    exception);
            case OperationCanceledException or TimeoutException:
                return new ChatModelException(
                    "The language model did not answer in time; please try again.", isTransient: true, exception);
            case JsonException or FormatException or InvalidOperationException or KeyNotFoundException:
                return new ChatModelException(
                    "The language model sent a malformed response; please try again.", isTransient: true, exception);
            default:
                return new ChatModelException(
                    "The language model failed unexpectedly; please try again later.", isTransient: false, exception);
        }
    }

    public static ChatModelException StreamEndedEarly() =>
        new("The language model's reply was cut off before it finished; please try again.", isTransient: true);

    private static string RateLimitedMessage(TimeSpan? retryAfter)
    {
        if (retryAfter is not { } wait)
        {
            return "The language model is rate limited right now; please try again in a moment.";
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"The language model is rate limited right now; please try again in {seconds} second{(seconds == 1 ? "" : "s")}.");
    }

    private static TimeSpan? ReadRetryAfter(ClientResultException exception)
    {
        var headers = exception.GetRawResponse()?.Headers;
        if (headers is null)
        {
            return null;
        }

        // OpenAI and Azure send the precise value in milliseconds alongside the standard header.
        if (headers.TryGetValue("retry-after-ms", out var milliseconds)
            && double.TryParse(milliseconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        if (!headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date - DateTimeOffset.UtcNow) is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero
            : null;
    }
}
