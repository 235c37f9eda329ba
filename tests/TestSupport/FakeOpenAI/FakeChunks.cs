using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ChatbotOrleans.TestSupport.FakeOpenAI;

/// <summary>The wire format of OpenAI chat completions: server-sent event chunks, full completions, errors.</summary>
internal static class FakeChunks
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();
    private static readonly byte[] Malformed = "data: {\"id\":\"chatcmpl-fake\",\"choices\":[{\"delta\":{\"content\":\"oops\n\n"u8.ToArray();

    public static Task WriteRoleAsync(HttpResponse response, string id, string model, CancellationToken ct) =>
        WriteEventAsync(response, id, model, w => w.WriteString("role", "assistant"), finishReason: null, ct);

    public static Task WriteContentAsync(HttpResponse response, string id, string model, string text, CancellationToken ct) =>
        WriteEventAsync(response, id, model, w => w.WriteString("content", text), finishReason: null, ct);

    public static Task WriteStopAsync(HttpResponse response, string id, string model, string finishReason, CancellationToken ct) =>
        WriteEventAsync(response, id, model, _ => { }, finishReason, ct);

    /// <summary>The last chunk of a stream asked for usage: no choices, only the counts.</summary>
    public static Task WriteUsageAsync(HttpResponse response, string id, string model, int prompt, int completion, CancellationToken ct) =>
        WriteChunkAsync(response, id, model, w =>
        {
            w.WriteStartArray("choices");
            w.WriteEndArray();
            w.WriteStartObject("usage");
            w.WriteNumber("prompt_tokens", prompt);
            w.WriteNumber("completion_tokens", completion);
            w.WriteNumber("total_tokens", prompt + completion);
            w.WriteEndObject();
        }, ct);

    public static async Task WriteDoneAsync(HttpResponse response, CancellationToken ct)
    {
        await response.Body.WriteAsync(Done, ct);
        await response.Body.FlushAsync(ct);
    }

    public static async Task WriteMalformedAsync(HttpResponse response, CancellationToken ct)
    {
        await response.Body.WriteAsync(Malformed, ct);
        await response.Body.FlushAsync(ct);
    }

    public static Task WriteCompletionAsync(HttpResponse response, string id, string model, string text, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            WriteHeader(w, id, model, "chat.completion");
            w.WriteStartArray("choices");
            w.WriteStartObject();
            w.WriteNumber("index", 0);
            w.WriteStartObject("message");
            w.WriteString("role", "assistant");
            w.WriteString("content", text);
            w.WriteEndObject();
            w.WriteString("finish_reason", "stop");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        response.ContentType = "application/json";
        return response.Body.WriteAsync(buffer.WrittenMemory, ct).AsTask();
    }

    public static Task WriteErrorAsync(HttpResponse response, int statusCode, TimeSpan? retryAfter, CancellationToken ct)
    {
        response.StatusCode = statusCode;
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var (type, code) = statusCode switch
        {
            429 => ("requests", "rate_limit_exceeded"),
            401 => ("invalid_request_error", "invalid_api_key"),
            _ => ("server_error", "fake_failure"),
        };
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("message", $"Fake OpenAI server failure with status {statusCode}.");
            w.WriteString("type", type);
            w.WriteString("code", code);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        response.ContentType = "application/json";
        return response.Body.WriteAsync(buffer.WrittenMemory, ct).AsTask();
    }

    private static Task WriteEventAsync(
        HttpResponse response, string id, string model, Action<Utf8JsonWriter> writeDelta, string? finishReason, CancellationToken ct) =>
        WriteChunkAsync(response, id, model, w =>
        {
            w.WriteStartArray("choices");
            w.WriteStartObject();
            w.WriteNumber("index", 0);
            w.WriteStartObject("delta");
            writeDelta(w);
            w.WriteEndObject();
            if (finishReason is null)
            {
                w.WriteNull("finish_reason");
            }
            else
            {
                w.WriteString("finish_reason", finishReason);
            }

            w.WriteEndObject();
            w.WriteEndArray();
        }, ct);

    /// <summary>One server-sent event holding a chunk object: its header, then what <paramref name="writeBody"/> adds.</summary>
    private static async Task WriteChunkAsync(HttpResponse response, string id, string model, Action<Utf8JsonWriter> writeBody, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.Write(DataPrefix);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            WriteHeader(w, id, model, "chat.completion.chunk");
            writeBody(w);
            w.WriteEndObject();
        }

        buffer.Write(EventEnd);
        await response.Body.WriteAsync(buffer.WrittenMemory, ct);
        await response.Body.FlushAsync(ct);
    }

    private static void WriteHeader(Utf8JsonWriter w, string id, string model, string kind)
    {
        w.WriteString("id", id);
        w.WriteString("object", kind);
        w.WriteNumber("created", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        w.WriteString("model", model);
    }
}
