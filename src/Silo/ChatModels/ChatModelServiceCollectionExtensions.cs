using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Silo.ChatModels;

internal static class ChatModelServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IChatModel"/>: the OpenAI-compatible model when an API key or endpoint is configured,
    /// otherwise the labelled offline bot. Options are validated when the host starts.
    /// </summary>
    public static IHostApplicationBuilder AddChatModel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        builder.AddValidatedOptions<OpenAIOptions, OpenAIOptionsValidator>(OpenAIOptions.SectionName);

        services.AddOptions<OfflineBotOptions>()
            .Bind(builder.Configuration.GetSection(OfflineBotOptions.SectionName))
            .Validate(o => o.TokenDelay >= TimeSpan.Zero, "OfflineBot:TokenDelay must not be negative.")
            .ValidateOnStart();

        services.TryAddSingleton<IChatModel>(provider =>
            provider.GetRequiredService<IOptions<OpenAIOptions>>().Value.IsConfigured
                ? ActivatorUtilities.CreateInstance<OpenAIChatModel>(provider)
                : ActivatorUtilities.CreateInstance<OfflineChatModel>(provider));
        services.AddHostedService<ChatModelStartupLog>();

        return builder;
    }
}
