using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;

namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>
/// The sticky proxy in front of the frontends, as Traefik is in the Swarm stack (YARP, in the bench's process): a
/// page's first request goes round-robin, a cookie keeps it on that frontend after, a probe of <c>/health/ready</c>
/// every second takes a stopped frontend out, and the pages it held are sent to another one.
/// Each response names the frontend that answered in <see cref="FrontendHeader"/>.
/// </summary>
public sealed class StickyProxy : IAsyncDisposable
{
    public const string FrontendHeader = "X-Chatbot-Frontend";
    private const string AffinityCookie = "chatbot-frontend";

    private readonly WebApplication _app;

    private StickyProxy(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<StickyProxy> StartAsync(IReadOnlyList<Uri> frontends, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // One line when a frontend is taken out or back; the failed forwards and probes around it are expected.
        builder.Logging.ClearProviders().AddSimpleConsole(o => (o.SingleLine, o.TimestampFormat) = (true, "HH:mm:ss.fff "))
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Yarp.ReverseProxy.Health.DestinationHealthUpdater", LogLevel.Information)
            .AddFilter("Yarp.ReverseProxy.Forwarder", LogLevel.Error)
            .AddFilter("Yarp.ReverseProxy.Health.ActiveHealthCheckMonitor", LogLevel.Error)
            .AddFilter("Yarp.ReverseProxy.SessionAffinity", LogLevel.Error);
        builder.Services.AddReverseProxy()
            .LoadFromMemory([Route()], [Cluster(frontends)])
            .AddTransforms(context =>
            {
                // The page's own host and port, so that the frontend's redirects come back through the proxy.
                context.AddOriginalHost(true);
                context.AddResponseTransform(transform =>
                {
                    var destination = transform.HttpContext.Features.Get<IReverseProxyFeature>()?.ProxiedDestination;
                    if (destination is not null)
                    {
                        transform.HttpContext.Response.Headers[FrontendHeader] = destination.DestinationId;
                    }

                    return ValueTask.CompletedTask;
                });
            });

        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync(cancellationToken);
        return new StickyProxy(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
    }

    /// <summary>The frontend's index in the list given to <see cref="StartAsync"/>, from the header a response carried.</summary>
    public static int? FrontendOf(string? header) =>
        header is not null && header.StartsWith('f') && int.TryParse(header.AsSpan(1), CultureInfo.InvariantCulture, out var index) ? index : null;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static RouteConfig Route() => new()
    {
        RouteId = "chat",
        ClusterId = "frontends",
        Match = new RouteMatch { Path = "{**catch-all}" },
    };

    private static ClusterConfig Cluster(IReadOnlyList<Uri> frontends) => new()
    {
        ClusterId = "frontends",
        LoadBalancingPolicy = "RoundRobin",
        SessionAffinity = new SessionAffinityConfig
        {
            Enabled = true,
            Policy = "HashCookie",
            FailurePolicy = "Redistribute",
            AffinityKeyName = AffinityCookie,
        },
        HealthCheck = new HealthCheckConfig
        {
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = TimeSpan.FromSeconds(1),
                Timeout = TimeSpan.FromSeconds(1),
                Policy = "ConsecutiveFailures",
                Path = "/health/ready",
            },
        },
        Destinations = frontends.Select((url, i) => (url, i)).ToDictionary(
            d => "f" + d.i.ToString(CultureInfo.InvariantCulture),
            d => new DestinationConfig { Address = d.url.ToString() }),
    };
}
