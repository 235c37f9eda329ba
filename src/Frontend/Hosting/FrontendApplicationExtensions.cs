using ChatbotOrleans.Frontend.Account;
using ChatbotOrleans.Frontend.Auth;
using ChatbotOrleans.Frontend.Components;
using ChatbotOrleans.Frontend.Export;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ChatbotOrleans.Frontend.Hosting;

/// <summary>The request pipeline and endpoints of the frontend.</summary>
internal static class FrontendApplicationExtensions
{
    public static WebApplication UseFrontend(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.Use(SecurityHeaders.ApplyAsync);
        app.Use(StoppingGate.RefuseWhileStopping(app.Lifetime));

        // Every hosted service's start has returned, the Orleans client's included, which waits for the cluster's manifest.
        app.Lifetime.ApplicationStarted.Register(app.Services.GetRequiredService<ClusterConnectionMonitor>().NotifyClientStarted);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(OrleansReadyHealthCheck.Tag),
        });
        app.MapStaticAssets();
        app.MapSignOut();
        app.MapAccount();
        app.MapConversationExport();
        // Per-message compression keeps a zlib pair alive per circuit, more memory than the circuit itself, for
        // render diffs of a few hundred bytes; SecurityHeaders above keeps the protection Blazor ties to it.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.DisableWebSocketCompression = true);
        return app;
    }
}
