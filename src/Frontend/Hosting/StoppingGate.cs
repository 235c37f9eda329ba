namespace ChatbotOrleans.Frontend.Hosting;

/// <summary>
/// What the frontend refuses between SIGTERM and its exit. As the host starts stopping, every Blazor connection is
/// closed, while Kestrel still accepts new ones until the services stopped before it have: a page that reconnected to
/// this process could hold it up until the host's shutdown timeout and lose its circuit anyway (bench/results/scale-out.md).
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
