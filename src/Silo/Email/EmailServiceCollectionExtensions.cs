using ChatbotOrleans.Grains.Email;
using ChatbotOrleans.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Silo.Email;

internal static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IEmailSender"/>: MailKit when <c>Smtp:Host</c> is set, otherwise the pickup
    /// folder. Options are validated when the host starts, and the start log says where mail goes.
    /// </summary>
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddValidatedOptions<SmtpOptions, SmtpOptionsValidator>(SmtpOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, PublicUrlValidator>());
        if (builder.Environment.IsDevelopment())
        {
            services.PostConfigure<EmailOptions>(o => o.PublicUrl = string.IsNullOrWhiteSpace(o.PublicUrl) ? PublicUrlValidator.DevelopmentDefault : o.PublicUrl);
        }

        services.TryAddSingleton<IEmailSender>(provider =>
            provider.GetRequiredService<IOptions<SmtpOptions>>().Value.UsesServer
                ? ActivatorUtilities.CreateInstance<MailKitEmailSender>(provider)
                : ActivatorUtilities.CreateInstance<PickupFolderEmailSender>(provider));
        services.AddHostedService<EmailStartupLog>();
        return builder;
    }
}
