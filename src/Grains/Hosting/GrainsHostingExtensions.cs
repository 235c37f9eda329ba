using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Diagnostics;
using ChatbotOrleans.Grains.Email;
using ChatbotOrleans.Grains.Users;
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
        builder.Services.AddOptions<EmailOptions>()
            .Bind(builder.Configuration.GetSection(EmailOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        builder.Services.AddOptions<SignInLinkOptions>()
            .Bind(builder.Configuration.GetSection(SignInLinkOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SignInLinkOptions>, SignInLinkOptionsValidator>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<ChatMetrics>();
        return builder;
    }
}
