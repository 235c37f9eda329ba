using System.Net;
using System.Net.Sockets;
using ChatbotOrleans.Silo.ChatModels;
using ChatbotOrleans.Silo.Hosting;
using ChatbotOrleans.TestSupport.FakeOpenAI;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.ChatModels;

public sealed class ModelsCommandTests
{
    private static ConfiguredChatModel Model(string id, string endpoint, string? key = null) =>
        new(id, id.ToUpperInvariant(), new OpenAIOptions().With(endpoint, key, id + "-upstream"));

    [Fact]
    public async Task Each_model_gets_a_line_saying_whether_its_endpoint_answers_and_a_dead_one_fails_the_exit_code()
    {
        await using var server = await FakeOpenAIServer.StartAsync(TestContext.Current.CancellationToken);
        var closed = ClosedPortEndpoint();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var output = new StringWriter();

        var exitCode = await ModelsCommand.CheckAllAsync(
            [Model("alpha", server.Endpoint.ToString(), "sk-secret-alpha"), Model("beta", closed)], http, output, TestContext.Current.CancellationToken);

        exitCode.ShouldBe(ModelsCommand.SomeModelFailed);
        var lines = output.ToString().TrimEnd().Split(Environment.NewLine);
        lines[0].ShouldStartWith("ok    alpha (ALPHA, default): alpha-upstream at http://127.0.0.1:");
        lines[0].ShouldEndWith("answered a one-token completion (the endpoint lists no models)");
        lines[1].ShouldStartWith("FAIL  beta (BETA): beta-upstream at " + closed);
        lines[1].ShouldContain("unreachable");
        lines[2].ShouldBe("1 of 2 model(s) do not answer; replies from them will fail.");
        output.ToString().ShouldNotContain("sk-secret-alpha");
        var request = server.Requests.ShouldHaveSingleItem();
        (request.Model, request.MaxTokens, request.ApiKey).ShouldBe(("alpha-upstream", 1, "sk-secret-alpha"));
    }

    [Fact]
    public async Task A_refused_key_is_said_in_words()
    {
        await using var server = await FakeOpenAIServer.StartAsync(TestContext.Current.CancellationToken);
        server.FailNextRequests(1, 401);
        using var http = new HttpClient();
        using var output = new StringWriter();

        var exitCode = await ModelsCommand.CheckAllAsync([Model("alpha", server.Endpoint.ToString(), "sk-wrong")], http, output, TestContext.Current.CancellationToken);

        exitCode.ShouldBe(1);
        output.ToString().ShouldContain("refused the API key (HTTP 401)");
    }

    [Fact]
    public async Task With_nothing_configured_it_says_the_offline_bot_answers_and_succeeds()
    {
        using var http = new HttpClient();
        using var output = new StringWriter();

        (await ModelsCommand.CheckAllAsync([], http, output, TestContext.Current.CancellationToken)).ShouldBe(0);
        output.ToString().ShouldStartWith("No model is configured: replies come from the offline bot.");
    }

    [Fact]
    public void The_silo_command_line_has_a_models_command()
    {
        var parse = SiloCommands.Create().Parse(["models", "--OpenAI:ApiKey=x"]);

        parse.Errors.ShouldBeEmpty();
        parse.CommandResult.Command.Name.ShouldBe("models");
    }

    [Fact]
    public async Task A_mistake_in_the_models_section_ends_the_command_with_the_configuration_exit_code()
    {
        var exitCode = await SiloCommands.Create().Parse(["models", "--Models:Catalog:x:Endpoint=ftp://nowhere"]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        exitCode.ShouldBe(SiloCommands.ConfigurationError);
    }

    private static string ClosedPortEndpoint()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/v1";
    }
}
