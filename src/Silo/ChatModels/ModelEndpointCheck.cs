using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ChatbotOrleans.Silo.ChatModels;

/// <summary>
/// Asks one model's endpoint whether it would answer: <c>GET /models</c> must list the model; an endpoint without
/// that route gets a one-token completion instead. Never prints or logs the key.
/// </summary>
internal static class ModelEndpointCheck
{
    private const string OpenAIEndpoint = "https://api.openai.com/v1";

    /// <returns>Whether the model answers, and a short phrase saying what was seen.</returns>
    public static async Task<(bool Ok, string Detail)> CheckAsync(HttpClient http, OpenAIOptions model, CancellationToken cancellationToken)
    {
        var baseUrl = (string.IsNullOrWhiteSpace(model.Endpoint) ? OpenAIEndpoint : model.Endpoint).TrimEnd('/');
        try
        {
            using var list = await SendAsync(http, model, new HttpRequestMessage(HttpMethod.Get, baseUrl + "/models"), cancellationToken);
            if (list.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            {
                var completion = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/chat/completions")
                {
                    Content = JsonContent.Create(new { model = model.Model, max_tokens = 1, messages = new[] { new { role = "user", content = "ping" } } }),
                };
                using var answered = await SendAsync(http, model, completion, cancellationToken);
                return answered.IsSuccessStatusCode ? (true, "answered a one-token completion (the endpoint lists no models)") : (false, Refusal(answered));
            }

            if (!list.IsSuccessStatusCode)
            {
                return (false, Refusal(list));
            }

            var ids = ReadModelIds(await list.Content.ReadAsStringAsync(cancellationToken));
            return ids is null ? (true, "reachable (its list of models could not be read)")
                : ids.Contains(model.Model) ? (true, $"reachable, lists {model.Model}")
                : (false, $"reachable, but does not list {model.Model} (it lists {ids.Count} other model(s), e.g. {string.Join(", ", ids.Take(3))})");
        }
        catch (HttpRequestException exception)
        {
            return (false, $"unreachable ({exception.HttpRequestError}: {exception.Message})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, $"no answer within {http.Timeout.TotalSeconds:0} s");
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, OpenAIOptions model, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            if (!string.IsNullOrWhiteSpace(model.ApiKey))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", model.ApiKey);
            }

            return await http.SendAsync(request, cancellationToken);
        }
    }

    private static string Refusal(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => $"refused the API key (HTTP {(int)response.StatusCode})",
        _ => $"answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}",
    };

    private static List<string>? ReadModelIds(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
                ? [.. data.EnumerateArray().Select(m => m.TryGetProperty("id", out var id) ? id.GetString() ?? "" : "")]
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
