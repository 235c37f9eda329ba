namespace ChatbotOrleans.Frontend.Hosting;

/// <summary>
/// What the frontend refuses between SIGTERM and its exit. As the host starts stopping, every Blazor connection is
/// closed, while Kestrel still accepts new ones until the services stopped before it have: a page that reconnected to
/// this process could hold it up until the host's shutdown timeout and lose its circuit anyway (bench/results/scale-out.md).
/// Refused, a page keeps retrying and reaches the replica that serves next (or this one's successor). Pages are
/// refused too: a page that reloaded from this process a moment before it exited got the proxy's empty 502 and
/// stayed blank, so a load now gets a page that loads itself again.
/// </summary>
internal static class StoppingGate
{
    private const string CircuitPath = "/_blazor";
    private const string HealthPath = "/health";

    internal const string RetryPage =
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>One moment</title></head>
        <body><p>This server is restarting. The page loads again in a moment.</p></body></html>
        """;

    public static Func<HttpContext, RequestDelegate, Task> RefuseWhileStopping(IHostApplicationLifetime lifetime) =>
        (context, next) =>
        {
            // Health probes keep their own answers: the proxy learns from them that this process is going.
            if (!lifetime.ApplicationStopping.IsCancellationRequested || context.Request.Path.StartsWithSegments(HealthPath))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            if (context.Request.Path.StartsWithSegments(CircuitPath))
            {
                return context.Response.WriteAsync("This server is shutting down; the page reconnects to another one.");
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            return context.Response.WriteAsync(RetryPage);
        };
}
