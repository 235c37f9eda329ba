using ChatbotOrleans.Grains.Conversations;

namespace ChatbotOrleans.Silo.ChatModels;

/// <summary>
/// Says at start which models answer, so an operator sees at once that a missing key means the offline bot.
/// Resolving the models here also builds them before the first conversation needs one.
/// </summary>
internal sealed class ChatModelStartupLog(
    IChatModels models,
    IReadOnlyList<ConfiguredChatModel> configured,
    ILogger<ChatModelStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (models.Default.IsOffline)
        {
            ChatModelLog.UsingOfflineBot(logger);
        }

        foreach (var model in configured)
        {
            var keyState = string.IsNullOrWhiteSpace(model.OpenAI.ApiKey) ? "not set" : "set";
            ChatModelLog.UsingModel(logger, model.Id, model.OpenAI.Model, model.OpenAI.DisplayEndpoint, keyState);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
