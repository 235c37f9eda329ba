using ChatbotOrleans.Frontend.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Hosting;

public sealed class StoppingGateTests
{
    [Theory]
    [InlineData("/c/01a24ff588e37c9bbf029c62dd4fb51a")]
    [InlineData("/_blazor/negotiate")]
    [InlineData("/health/ready")]
    public async Task Before_the_host_stops_every_request_goes_on(string path)
    {
        var (status, _, passed) = await RequestAsync(path, stopping: false);

        (status, passed).ShouldBe((200, true));
    }

    [Fact]
    public async Task While_it_stops_a_page_load_gets_a_page_that_loads_itself_again_instead_of_the_chat()
    {
        // The page's reconnect script fetches its own address before it reloads: a 200 from a process about to exit
        // sent it into the proxy's empty 502 a moment later (two-frontends bench, runs 43 and 44).
        var (status, body, passed) = await RequestAsync("/c/01a24ff588e37c9bbf029c62dd4fb51a", stopping: true);

        (status, passed).ShouldBe((503, false));
        body.ShouldContain("<meta http-equiv=\"refresh\" content=\"2\">");
        body.ShouldContain("This server is restarting.");
    }

    [Fact]
    public async Task While_it_stops_a_circuit_is_refused_in_words_and_health_probes_still_answer()
    {
        var circuit = await RequestAsync("/_blazor/negotiate", stopping: true);
        var health = await RequestAsync("/health/ready", stopping: true);

        circuit.Status.ShouldBe(503);
        circuit.Body.ShouldBe("This server is shutting down; the page reconnects to another one.");
        health.Passed.ShouldBeTrue();
    }

    private static async Task<(int Status, string Body, bool Passed)> RequestAsync(string path, bool stopping)
    {
        using var lifetime = new Lifetime();
        if (stopping)
        {
            lifetime.StopApplication();
        }

        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        var passed = false;
        await StoppingGate.RefuseWhileStopping(lifetime)(context, _ =>
        {
            passed = true;
            return Task.CompletedTask;
        });

        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync(), passed);
    }

    private sealed class Lifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();

        public void Dispose() => _stopping.Dispose();
    }
}
