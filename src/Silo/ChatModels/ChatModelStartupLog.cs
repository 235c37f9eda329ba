using ChatbotOrleans.Grains.Conversations;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Silo.ChatModels;

/// <summary>
/// Says at start which model answers, so an operator sees at once that a missing key means the offline bot.
/// Resolving the model here also builds it before the first conversation needs it.
/// </summary>
internal sealed class ChatModelStartupLog(
    IChatModel chatModel,
    IOptions<OpenAIOptions> options,
    ILogger<ChatModelStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (chatModel.IsOffline)
        {
            ChatModelLog.UsingOfflineBot(logger);
        }
        else
        {
            var keyState = string.IsNullOrWhiteSpace(options.Value.ApiKey) ? "not set" : "set";
            ChatModelLog.UsingModel(logger, chatModel.Name, options.Value.DisplayEndpoint, keyState);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
