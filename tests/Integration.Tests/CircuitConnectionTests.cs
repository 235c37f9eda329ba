using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Shouldly;

namespace ChatbotOrleans.Integration.Tests;

/// <summary>
/// The Blazor hub's WebSocket as the real frontend process accepts it in Production: without per-message
/// compression (a zlib compressor and decompressor held per open page), and with framing by other sites
/// still forbidden on every page, which the framework sends only while compression is on.
/// </summary>
[Collection(WebTierCollection.Name)]
public sealed class CircuitConnectionTests(WebTierFixture fixture)
{
    [Fact]
    public async Task The_circuit_websocket_declines_per_message_compression_that_the_browser_offers()
    {
        using var http = new HttpClient { BaseAddress = fixture.Web };
        using var negotiated = await http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);
        negotiated.EnsureSuccessStatusCode();
        var token = (await negotiated.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("connectionToken").GetString();
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        var address = new UriBuilder(new Uri(fixture.Web, $"/_blazor?id={token}")) { Scheme = "ws" }.Uri;

        await socket.ConnectAsync(address, TestContext.Current.CancellationToken);

        socket.State.ShouldBe(WebSocketState.Open);
        socket.HttpResponseHeaders.ShouldNotBeNull().ContainsKey("Sec-WebSocket-Extensions")
            .ShouldBeFalse("the server answered the deflate offer, so it keeps a compressor per circuit");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("/signin")]
    [InlineData("/")]
    public async Task Every_page_forbids_framing_by_other_sites(string path)
    {
        using var session = new WebSession(fixture.Web);

        using var response = await session.GetAsync(path);

        response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem(path).Split("; ").ShouldContain("frame-ancestors 'self'", path);
    }
}
