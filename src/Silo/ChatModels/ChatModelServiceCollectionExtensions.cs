using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Hosting;
using ChatbotOrleans.Grains.Usage;
using ChatbotOrleans.Silo.Usage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Silo.ChatModels;

internal static class ChatModelServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IChatModels"/>: the OpenAI-compatible models of the "OpenAI" and "Models" sections,
    /// or the labelled offline bot when neither configures one; <see cref="IChatModel"/> is the default.
    /// Options are validated when the host starts.
    /// </summary>
    public static IHostApplicationBuilder AddChatModel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        builder.AddValidatedOptions<OpenAIOptions, OpenAIOptionsValidator>(OpenAIOptions.SectionName);
        builder.AddValidatedOptions<ChatModelsOptions, ChatModelsOptionsValidator>(ChatModelsOptions.SectionName);

        services.AddOptions<OfflineBotOptions>()
            .Bind(builder.Configuration.GetSection(OfflineBotOptions.SectionName))
            .Validate(o => o.TokenDelay >= TimeSpan.Zero, "OfflineBot:TokenDelay must not be negative.")
            .ValidateOnStart();

        // Replaces the grains' four-characters-a-token fallback wherever usage is estimated.
        services.AddSingleton<ITokenCounter, TiktokenTokenCounter>();

        services.TryAddSingleton<IReadOnlyList<ConfiguredChatModel>>(provider => ChatModelConfiguration.Read(
            provider.GetRequiredService<IOptions<OpenAIOptions>>().Value, provider.GetRequiredService<IOptions<ChatModelsOptions>>().Value));

        services.AddSingleton(provider => ChatModelConfiguration.PricesOf(provider.GetRequiredService<IReadOnlyList<ConfiguredChatModel>>()));

        // Replaces the one-model catalog the grains register for hosts without this adapter.
        services.AddSingleton<IChatModels>(provider => CreateCatalog(provider, provider.GetRequiredService<IReadOnlyList<ConfiguredChatModel>>()));
        services.TryAddSingleton(provider => provider.GetRequiredService<IChatModels>().Default);
        services.AddHostedService<ChatModelStartupLog>();

        return builder;
    }

    private static ChatModelCatalog CreateCatalog(IServiceProvider provider, IReadOnlyList<ConfiguredChatModel> configured)
    {
        if (configured.Count == 0)
        {
            return new ChatModelCatalog([ActivatorUtilities.CreateInstance<OfflineChatModel>(provider)]);
        }

        var logger = provider.GetRequiredService<ILogger<OpenAIChatModel>>();
        var counter = provider.GetRequiredService<ITokenCounter>();
        return new ChatModelCatalog([.. configured.Select(model =>
        {
            var adapter = new OpenAIChatModel(Options.Create(model.OpenAI), logger, counter);

            // The "OpenAI" section's model keeps its plain adapter: its id is its upstream name, as before.
            return model.Id == adapter.Name && model.DisplayName == model.Id && model.ContextCharacterBudget is null
                ? (IChatModel)adapter
                : new NamedChatModel(model.Id, model.DisplayName, model.ContextCharacterBudget, adapter);
        })]);
    }
}
