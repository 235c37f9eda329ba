namespace ChatbotOrleans.ServiceDefaults;

/// <summary>What one process adds to the shared telemetry: its default service name and its own sources.</summary>
/// <param name="DefaultServiceName">Used when OTEL_SERVICE_NAME is not set.</param>
/// <param name="ActivitySources">Trace sources beyond the shared ones (wildcards allowed).</param>
/// <param name="Meters">Meters beyond the shared ones (wildcards allowed).</param>
public sealed record TelemetryProfile(string DefaultServiceName, IReadOnlyList<string> ActivitySources, IReadOnlyList<string> Meters);
