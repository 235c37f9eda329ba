using Orleans.Serialization;

namespace ChatbotOrleans.Frontend.Hosting;

/// <summary>Which exceptions of a grain call mean the cluster did not answer, rather than that the call is wrong.</summary>
internal static class ClusterFault
{
    // A silo-side exception of a type this process does not load (the store's driver) arrives as a fallback or
    // a SerializerException: still the cluster's fault, never a reason to end a circuit or a session.
    public static bool Is(Exception exception) =>
        exception is OrleansException or TimeoutException or OperationCanceledException or SerializerException
            or UnavailableExceptionFallbackException;
}
