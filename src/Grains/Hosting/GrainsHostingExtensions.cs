using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Diagnostics;
using ChatbotOrleans.Grains.Email;
using ChatbotOrleans.Grains.Limits;
using ChatbotOrleans.Grains.Usage;
using ChatbotOrleans.Grains.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ChatbotOrleans.Grains.Hosting;

public static class GrainsHostingExtensions
{
    /// <summary>Registers what the grains need besides their ports: options and the clock.</summary>
    public static IHostApplicationBuilder AddGrains(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ConversationOptions, ConversationOptionsValidator>(ConversationOptions.SectionName);
        builder.AddValidatedOptions<EmailOptions, EmailOptionsValidator>(EmailOptions.SectionName);
        builder.AddValidatedOptions<SignInLinkOptions, SignInLinkOptionsValidator>(SignInLinkOptions.SectionName);
        builder.AddValidatedOptions<BudgetOptions, BudgetOptionsValidator>(BudgetOptions.SectionName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<ChatMetrics>();

        builder.Services.AddSingleton<ReplyTokens>();

        // A host without a tokenizer (tests, tools) counts four characters a token.
        builder.Services.TryAddSingleton(TokenEstimate.Characters);

        // A host that registers only one model (tests, the offline bot) offers just that one.
        builder.Services.TryAddSingleton<IChatModels>(provider => new ChatModelCatalog([provider.GetRequiredService<IChatModel>()]));
        builder.Services.TryAddSingleton(UsagePrices.None);
        builder.Services.TryAddSingleton(IConversationIds.Random);
        return builder;
    }
}
