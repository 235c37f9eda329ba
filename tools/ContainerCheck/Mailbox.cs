using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace ChatbotOrleans.ContainerCheck;

/// <summary>The mail catcher's read API (Mailpit's, which the stand-in serves too).</summary>
internal sealed class Mailbox(Uri api) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = api, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Every message caught for <paramref name="address"/>, newest first.</summary>
    public async Task<IReadOnlyList<MailMessage>> MessagesToAsync(string address)
    {
        var list = await _http.GetFromJsonAsync<MessageList>("api/v1/messages") ?? new MessageList([]);
        var found = new List<MailMessage>();
        foreach (var summary in list.Messages.Where(m => m.To.Any(t => string.Equals(t.Address, address, StringComparison.OrdinalIgnoreCase))))
        {
            found.Add(await _http.GetFromJsonAsync<MailMessage>($"api/v1/message/{summary.Id}")
                ?? throw new InvalidOperationException($"The mail catcher lists message {summary.Id} but does not return it."));
        }

        return found;
    }

    /// <summary>Polls until a message to <paramref name="address"/> with this subject has arrived.</summary>
    public async Task<MailMessage> WaitForAsync(string address, string subject, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var message = (await MessagesToAsync(address)).FirstOrDefault(m => m.Subject == subject);
            if (message is not null)
            {
                return message;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No email \"{subject}\" reached {address} in {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(500);
        }
    }

    public void Dispose() => _http.Dispose();

    private sealed record MessageList([property: JsonPropertyName("messages")] IReadOnlyList<MessageSummary> Messages);

    private sealed record MessageSummary(
        [property: JsonPropertyName("ID")] string Id,
        [property: JsonPropertyName("To")] IReadOnlyList<MailAddress> To);
}

internal sealed record MailAddress([property: JsonPropertyName("Address")] string Address);

internal sealed record MailMessage(
    [property: JsonPropertyName("Subject")] string Subject,
    [property: JsonPropertyName("Text")] string Text,
    [property: JsonPropertyName("HTML")] string Html);
