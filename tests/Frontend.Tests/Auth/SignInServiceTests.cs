using System.Net;
using ChatbotOrleans.Frontend.Auth;
using ChatbotOrleans.Frontend.Tests.Chat.Fakes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Auth;

public sealed class SignInServiceTests
{
    public static TheoryData<string, Exception> ClusterFaults => new()
    {
        // What a silo that has just left leaves its callers with, besides a plain timeout.
        { "a call sent to a silo that had left", new OrleansException("Exception while sending message: Unable to connect to S127.0.0.1:13913") },
        { "a directory lookup cancelled as the membership changed", new OperationCanceledException() },
        { "no answer within the response timeout", new TimeoutException() },
    };

    [Theory]
    [MemberData(nameof(ClusterFaults))]
    public async Task A_sign_in_the_cluster_did_not_answer_is_told_to_try_again_in_words(string tried, Exception failure)
    {
        using var cluster = new FakeCluster();
        cluster.Connect();
        cluster.SignIns.Failure = failure;
        var service = new SignInService(cluster.ClusterClient, cluster.Monitor, NullLogger<SignInService>.Instance);
        var request = new DefaultHttpContext();
        request.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");

        var byAddress = await service.SignInAsync(request, "ada@example.com");
        var byLink = await service.RedeemLinkAsync(request, "token");

        cluster.SignIns.Calls.ShouldBe(2, tried);
        byAddress.ShouldBe("Sign-in is unavailable right now. Please try again in a moment.", tried);
        byLink.ShouldBe(byAddress, tried);
    }
}
