using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Limits;
using ChatbotOrleans.Silo.ChatModels;
using ChatbotOrleans.TestSupport;
using ChatbotOrleans.TestSupport.FakeOpenAI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>
/// A cluster of its own whose replies come from the real OpenAI adapter talking to the in-test OpenAI-compatible
/// server, with a daily token budget of <see cref="UserTokensPerDay"/> a user.
/// </summary>
public sealed class UsageClusterFixture(PostgresServerFixture postgres) : ClusterFixture(postgres)
{
    public const int UserTokensPerDay = 100;

    public FakeOpenAIServer Server { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        Server = await FakeOpenAIServer.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureBudgets(BudgetOptions options)
    {
        base.ConfigureBudgets(options);
        options.MaxTokensPerUserPerDay = UserTokensPerDay;
    }

    protected override void ConfigureModels(IHostApplicationBuilder host) =>
        host.Services.AddSingleton<IChatModel>(new OpenAIChatModel(
            Options.Create(new OpenAIOptions
            {
                ApiKey = "sk-test",
                Endpoint = Server.Endpoint.ToString(),
                Model = "fake-gpt",
                SystemPrompt = "",
                RetryDelay = TimeSpan.FromMilliseconds(10),
                StreamUpdateInterval = TimeSpan.Zero,
            }),
            NullLogger<OpenAIChatModel>.Instance));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Server.DisposeAsync();
    }
}
