using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChatbotOrleans.ServiceDefaults;

/// <summary>
/// OpenTelemetry traces, metrics and logs, exported by OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set (the exporter reads the OTEL_* variables itself).
/// </summary>
public static class TelemetryExtensions
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The app's own ActivitySource and Meter name (and prefix).</summary>
    public const string AppSourceName = "ChatbotOrleans";

    // "Npgsql" by name: its ActivitySource and Meter need no driver reference here, so the frontend has none.
    private static readonly string[] SharedSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Npgsql", AppSourceName, AppSourceName + ".*"];
    private static readonly string[] SharedMeters = ["Microsoft.Orleans", "Npgsql", AppSourceName, AppSourceName + ".*"];

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder, TelemetryProfile profile)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]))
        {
            return builder;
        }

        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? profile.DefaultServiceName;
        builder.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddSource([.. SharedSources, .. profile.ActivitySources])
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter([.. SharedMeters, .. profile.Meters])
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation())
            .WithLogging()
            .UseOtlpExporter();
        return builder;
    }
}
