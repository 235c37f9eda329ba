using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Silo.ChatModels;
using ChatbotOrleans.TestSupport.FakeOpenAI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using static ChatbotOrleans.Infrastructure.Tests.ChatModels.ChatModelTesting;

namespace ChatbotOrleans.Infrastructure.Tests.ChatModels;

public sealed class AddChatModelTests
{
    [Fact]
    public void Without_key_or_endpoint_the_offline_bot_answers()
    {
        using var host = BuildHost();

        host.Services.GetRequiredService<IChatModel>().ShouldBeOfType<OfflineChatModel>().IsOffline.ShouldBeTrue();
    }

    [Fact]
    public void With_a_key_the_configured_openai_model_answers()
    {
        using var host = BuildHost(("OpenAI:ApiKey", "sk-x"), ("OpenAI:Model", "gpt-4.1-mini"));

        var model = host.Services.GetRequiredService<IChatModel>().ShouldBeOfType<OpenAIChatModel>();
        model.Name.ShouldBe("gpt-4.1-mini");
    }

    [Fact]
    public void The_offline_token_delay_is_bound_from_configuration()
    {
        using var host = BuildHost(("OfflineBot:TokenDelay", "00:00:00.250"));

        host.Services.GetRequiredService<IOptions<OfflineBotOptions>>().Value.TokenDelay.ShouldBe(TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task An_endpoint_without_a_key_reaches_the_server_with_a_placeholder_key()
    {
        await using var server = await FakeOpenAIServer.StartAsync(TestContext.Current.CancellationToken);
        using var host = BuildHost(("OpenAI:Endpoint", server.Endpoint.ToString()), ("OpenAI:Model", "llama3.2"));
        await host.StartAsync(TestContext.Current.CancellationToken);

        var model = host.Services.GetRequiredService<IChatModel>();
        var reply = await CollectAsync(model.StreamReplyAsync(Ask("hi"), TestContext.Current.CancellationToken));

        string.Concat(reply).ShouldBe("Echo: hi");
        var request = server.Requests.ShouldHaveSingleItem();
        request.Model.ShouldBe("llama3.2");
        request.ApiKey.ShouldNotBeNullOrWhiteSpace();
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Invalid_settings_stop_the_host_at_start_with_the_reason()
    {
        using var host = BuildHost(("OpenAI:ApiKey", "sk-x"), ("OpenAI:MaxOutputTokens", "0"));

        var failure = await Should.ThrowAsync<OptionsValidationException>(
            host.StartAsync(TestContext.Current.CancellationToken));

        failure.Message.ShouldContain("OpenAI:MaxOutputTokens must be positive, but was 0.");
    }
}
