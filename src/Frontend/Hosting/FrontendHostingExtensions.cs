using ChatbotOrleans.Frontend.Auth;
using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.ServiceDefaults;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatbotOrleans.Frontend.Hosting;

/// <summary>The composition of the frontend: <c>builder.AddFrontend()</c>, then <c>app.UseFrontend()</c>.</summary>
internal static class FrontendHostingExtensions
{
    public const string ApplicationName = "ChatbotOrleans";

    public static IHostApplicationBuilder AddFrontend(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults(new TelemetryProfile("chatbot-frontend", [], ["Microsoft.AspNetCore.Components*"]));
        builder.AddFrontendOrleansClient();
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.LoginPath = "/signin";
            o.AccessDeniedPath = "/signin";
            o.LogoutPath = SignOutEndpoint.Path;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            o.Cookie.Name = "chatbot.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();

        // All replicas share one key ring, so a rolling deploy keeps everyone signed in.
        services.AddSingleton<PostgresXmlRepository>();
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<PostgresXmlRepository>((o, repository) => o.XmlRepository = repository);

        services.AddHealthChecks().AddCheck<OrleansReadyHealthCheck>("orleans", tags: [OrleansReadyHealthCheck.Tag]);

        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<SignInService>();
        services.AddScoped<ChatClient>();
        return builder;
    }
}
