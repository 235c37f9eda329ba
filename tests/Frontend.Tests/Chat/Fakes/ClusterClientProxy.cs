using System.Reflection;

namespace ChatbotOrleans.Frontend.Tests.Chat.Fakes;

/// <summary>The <see cref="IClusterClient"/> a <see cref="Frontend.Chat.ChatClient"/> is given: grains and streams from a <see cref="FakeCluster"/>.</summary>
public class ClusterClientProxy : DispatchProxy
{
    private FakeCluster _cluster = null!;

    internal static IClusterClient Create(FakeCluster cluster)
    {
        var client = Create<IClusterClient, ClusterClientProxy>();
        ((ClusterClientProxy)(object)client)._cluster = cluster;
        return client;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        // As Orleans does when no silo answers in time; the client counts it as the cluster's fault.
        if (_cluster.Down)
        {
            throw new TimeoutException("The fake cluster is down.");
        }

        return targetMethod?.Name switch
        {
            "get_ServiceProvider" => _cluster.Services,
            "GetGrain" => _cluster.Grain(targetMethod.ReturnType, args![0]!),
            _ => throw new NotSupportedException(targetMethod?.Name),
        };
    }
}
