using System.Diagnostics;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// The page's own spans. A circuit's events arrive over its WebSocket inside the one request that opened it, whose
/// trace ends only when the tab closes: a send would be a span lost in it. Each send starts a trace of its own
/// instead, linked to the circuit's, so one message is one trace from the page through the grain calls to
/// PostgreSQL and the model (the source falls under the telemetry's <c>ChatbotOrleans.*</c> sources).
/// </summary>
internal static class ChatActivities
{
    private static readonly ActivitySource Source = new("ChatbotOrleans.Frontend");

    /// <summary>Starts a trace named <paramref name="name"/>; call it in the async method the trace covers.</summary>
    public static Activity? StartTrace(string name)
    {
        var circuit = Activity.Current;
        Activity.Current = null;
        return Source.StartActivity(name, ActivityKind.Internal, parentContext: default, links: circuit is null ? null : [new ActivityLink(circuit.Context)]);
    }
}
