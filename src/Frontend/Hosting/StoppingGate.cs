namespace ChatbotOrleans.Frontend.Hosting;

/// <summary>
/// What the frontend refuses between SIGTERM and its exit. As the host starts stopping, every Blazor connection is
/// closed, while Kestrel still accepts new ones until the services stopped before it have: each open page reconnected
/// to this process at once, held it up for the host's whole shutdown timeout (30 s), and lost its circuit anyway.
/// Refused, a page keeps retrying and reaches the replica that serves next (or this one's successor).
/// </summary>
internal static class StoppingGate
{
    private const string CircuitPath = "/_blazor";

    public static Func<HttpContext, RequestDelegate, Task> RefuseCircuitsWhileStopping(IHostApplicationLifetime lifetime) =>
        (context, next) =>
        {
            if (!lifetime.ApplicationStopping.IsCancellationRequested || !context.Request.Path.StartsWithSegments(CircuitPath))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            return context.Response.WriteAsync("This server is shutting down; the page reconnects to another one.");
        };
}
