using ChatbotOrleans.Frontend.Hosting;
using Orleans.Serialization;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Hosting;

public sealed class ClusterFaultTests
{
    public static TheoryData<Exception> ClusterFaults =>
    [
        new OrleansException("no gateway"),
        new SiloUnavailableException("the silo went away"),
        new TimeoutException("no response"),
        new TaskCanceledException("the call was cancelled"),
        new SerializerException("a silo-side type this process does not load"),
    ];

    [Theory]
    [MemberData(nameof(ClusterFaults))]
    public void A_cluster_that_did_not_answer_is_a_cluster_fault(Exception exception) =>
        ClusterFault.Is(exception).ShouldBeTrue(exception.GetType().Name);

    [Fact]
    public void A_bug_in_the_call_is_not_a_cluster_fault()
    {
        ClusterFault.Is(new InvalidOperationException("a bug")).ShouldBeFalse();
        ClusterFault.Is(new ArgumentException("a bad argument")).ShouldBeFalse();
    }
}
