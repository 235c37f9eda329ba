using ChatbotOrleans.Silo.ChatModels;
using ChatbotOrleans.TestSupport;
using ChatbotOrleans.TestSupport.FakeOpenAI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>
/// A cluster of its own whose models are the real OpenAI adapters, configured as an operator would in the
/// "Models" section: "alpha" (the default) and "beta", each at its own in-test server on its own port.
/// </summary>
public sealed class TwoModelClusterFixture(PostgresServerFixture postgres) : ClusterFixture(postgres)
{
    public FakeOpenAIServer Alpha { get; private set; } = null!;

    public FakeOpenAIServer Beta { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        Alpha = await FakeOpenAIServer.StartAsync();
        Beta = await FakeOpenAIServer.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureModels(IHostApplicationBuilder host)
    {
        host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OpenAI:StreamUpdateInterval"] = "00:00:00",
            ["OpenAI:SystemPrompt"] = "The operator's default prompt.",
            ["Models:Default"] = "alpha",
            ["Models:Catalog:alpha:DisplayName"] = "Alpha",
            ["Models:Catalog:alpha:Endpoint"] = Alpha.Endpoint.ToString(),
            ["Models:Catalog:alpha:Model"] = "alpha-upstream",
            ["Models:Catalog:beta:DisplayName"] = "Beta",
            ["Models:Catalog:beta:Endpoint"] = Beta.Endpoint.ToString(),
            ["Models:Catalog:beta:Model"] = "beta-upstream",
        });
        host.AddChatModel();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Alpha.DisposeAsync();
        await Beta.DisposeAsync();
    }
}
