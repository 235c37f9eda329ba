using ChatbotOrleans.Frontend.Account;
using ChatbotOrleans.Frontend.Auth;
using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.ServiceDefaults;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
            // Behind a TLS-terminating proxy the request the app sees may say http: the flag must not follow it.
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

            // Every request checks that the session has not ended (signed out everywhere, address proven, account deleted).
            o.Events.OnValidatePrincipal = SessionCookie.ValidateAsync;
        });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SessionCheckOptions>, SessionCheckOptionsValidator>());
        services.AddOptions<SessionCheckOptions>().Bind(builder.Configuration.GetSection(SessionCheckOptions.SectionName)).ValidateOnStart();
        services.AddScoped<SessionCheck>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatPageOptions>, ChatPageOptionsValidator>());
        services.AddOptions<ChatPageOptions>().Bind(builder.Configuration.GetSection(ChatPageOptions.SectionName)).ValidateOnStart();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidator>();

        // All replicas share one key ring, so a rolling deploy keeps everyone signed in.
        services.AddSingleton<PostgresXmlRepository>();
        var keyRingError = KeyRingProtection.Apply(
            services.AddDataProtection().SetApplicationName(ApplicationName),
            builder.Configuration[KeyRingProtection.Setting],
            builder.Environment.IsDevelopment());
        services.AddOptions<KeyManagementOptions>().Validate(_ => keyRingError is null, keyRingError ?? "").ValidateOnStart();
        services.AddOptions<KeyManagementOptions>()
            .Configure<PostgresXmlRepository>((o, repository) => o.XmlRepository = repository);

        services.AddHealthChecks().AddCheck<OrleansReadyHealthCheck>("orleans", tags: [OrleansReadyHealthCheck.Tag]);

        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<SignInService>();
        services.AddScoped<ChatClient>();
        services.AddScoped<AccountService>();
        return builder;
    }
}
