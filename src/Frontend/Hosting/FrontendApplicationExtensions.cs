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

        app.Use(FrameAncestors);
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
        app.MapConversationExport();
        // Per-message compression keeps a zlib pair alive per circuit, more memory than the circuit itself, for
        // render diffs of a few hundred bytes; FrameAncestors above keeps the protection Blazor ties to it.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.DisableWebSocketCompression = true);
        return app;
    }

    // No other site may frame a page (clickjacking); what Blazor adds by itself only with WebSocket compression on.
    private static Task FrameAncestors(HttpContext context, RequestDelegate next)
    {
        context.Response.Headers.ContentSecurityPolicy = "frame-ancestors 'self'";
        return next(context);
    }
}
