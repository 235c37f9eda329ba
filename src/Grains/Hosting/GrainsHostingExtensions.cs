using ChatbotOrleans.Grains.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Grains.Hosting;

public static class GrainsHostingExtensions
{
    /// <summary>Registers what the grains need besides their ports: options and the clock.</summary>
    public static IHostApplicationBuilder AddGrains(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConversationOptions>()
            .Bind(builder.Configuration.GetSection(ConversationOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ConversationOptions>, ConversationOptionsValidator>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
