using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Silo.ChatModels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Infrastructure.Tests.ChatModels;

internal static class ChatModelTesting
{
    public const string SecretKey = "sk-test-very-secret-key";

    public static OpenAIChatModel CreateModel(Uri endpoint, Action<OpenAIOptions>? configure = null)
    {
        var options = new OpenAIOptions
        {
            ApiKey = SecretKey,
            Endpoint = endpoint.ToString(),
            Model = "fake-gpt",
            RequestTimeout = TimeSpan.FromSeconds(10),
            RetryDelay = TimeSpan.FromMilliseconds(10),

            // These tests follow single tokens; joining them (FragmentCoalescerTests) would hide what they check.
            StreamUpdateInterval = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return new OpenAIChatModel(Options.Create(options), NullLogger<OpenAIChatModel>.Instance);
    }

    /// <summary>A host with the silo's chat model registration over these settings alone.</summary>
    public static IHost BuildHost(params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value)));
        builder.AddChatModel();
        return builder.Build();
    }

    public static IReadOnlyList<ChatTurn> Ask(string text) => [new ChatTurn(ChatRole.User, text)];

    public static async Task<List<string>> CollectAsync(
        IAsyncEnumerable<string> tokens, List<string>? into = null)
    {
        var received = into ?? [];
        await foreach (var token in tokens)
        {
            received.Add(token);
        }

        return received;
    }
}
