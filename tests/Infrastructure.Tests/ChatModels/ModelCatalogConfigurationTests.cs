using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Silo.ChatModels;
using ChatbotOrleans.TestSupport.FakeOpenAI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using static ChatbotOrleans.Infrastructure.Tests.ChatModels.ChatModelTesting;

namespace ChatbotOrleans.Infrastructure.Tests.ChatModels;

/// <summary>Several models from the "Models" section, beside the "OpenAI" section as a one-model list.</summary>
public sealed class ModelCatalogConfigurationTests
{
    [Fact]
    public void Nothing_configured_offers_only_the_offline_bot()
    {
        using var host = BuildHost();

        host.Services.GetRequiredService<IChatModels>().All.ShouldHaveSingleItem().IsOffline.ShouldBeTrue();
    }

    [Fact]
    public void The_openai_section_alone_is_a_one_model_list_under_its_model_name()
    {
        using var host = BuildHost(("OpenAI:ApiKey", "sk-x"), ("OpenAI:Model", "gpt-4.1-mini"));

        var model = host.Services.GetRequiredService<IChatModels>().All.ShouldHaveSingleItem();
        (model.Name, model.DisplayName, model.IsOffline).ShouldBe(("gpt-4.1-mini", "gpt-4.1-mini", false));
        host.Services.GetRequiredService<IChatModel>().ShouldBeSameAs(model);
    }

    [Fact]
    public void Catalog_entries_join_the_openai_sections_model_with_the_chosen_default_first()
    {
        using var host = BuildHost(
            ("OpenAI:ApiKey", "sk-x"),
            ("OpenAI:Model", "gpt-4o-mini"),
            ("Models:Default", "local"),
            ("Models:Catalog:local:DisplayName", "Llama (local)"),
            ("Models:Catalog:local:Endpoint", "http://127.0.0.1:11434/v1"),
            ("Models:Catalog:local:Model", "llama3.2"),
            ("Models:Catalog:local:ContextCharacterBudget", "6000"));

        var models = host.Services.GetRequiredService<IChatModels>();

        models.All.Select(m => (m.Name, m.DisplayName)).ShouldBe([("local", "Llama (local)"), ("gpt-4o-mini", "gpt-4o-mini")]);
        models.Default.ContextCharacterBudget.ShouldBe(6_000);
        var configured = host.Services.GetRequiredService<IReadOnlyList<ConfiguredChatModel>>();
        configured[0].OpenAI.Model.ShouldBe("llama3.2");
        configured[0].OpenAI.ApiKey.ShouldBeNull("an entry never borrows the OpenAI section's key");
    }

    [Fact]
    public async Task Two_entries_reach_their_own_endpoints_with_their_own_keys_and_model_names()
    {
        await using var first = await FakeOpenAIServer.StartAsync(TestContext.Current.CancellationToken);
        await using var second = await FakeOpenAIServer.StartAsync(TestContext.Current.CancellationToken);
        using var host = BuildHost(
            ("Models:Catalog:one:Endpoint", first.Endpoint.ToString()),
            ("Models:Catalog:one:ApiKey", "sk-one"),
            ("Models:Catalog:two:Endpoint", second.Endpoint.ToString()),
            ("Models:Catalog:two:ApiKey", "sk-two"),
            ("Models:Catalog:two:Model", "upstream-two"));
        var models = host.Services.GetRequiredService<IChatModels>();

        await CollectAsync(models.Find("two")!.StreamReplyAsync(Ask("to two"), TestContext.Current.CancellationToken));
        await CollectAsync(models.Find("one")!.StreamReplyAsync(Ask("to one"), TestContext.Current.CancellationToken));

        var atFirst = first.Requests.ShouldHaveSingleItem();
        var atSecond = second.Requests.ShouldHaveSingleItem();
        (atFirst.LastUserText, atFirst.Model, atFirst.ApiKey).ShouldBe(("to one", "one", "sk-one"));
        (atSecond.LastUserText, atSecond.Model, atSecond.ApiKey).ShouldBe(("to two", "upstream-two", "sk-two"));
    }

    [Theory]
    [InlineData("Models:Default", "nope", "Models:Default is 'nope', but no model has that id (configured: a).")]
    [InlineData("Models:Catalog:a:Endpoint", "ftp://x", "Models:Catalog:a:Endpoint must be an absolute http or https URL")]
    [InlineData("Models:Catalog:a:ContextCharacterBudget", "5", "Models:Catalog:a:ContextCharacterBudget must be between 100 and 1,000,000 characters, but was 5.")]
    [InlineData("Models:Catalog:a:InputPricePer1K", "-1", "Models:Catalog:a: prices per 1,000 tokens must not be negative.")]
    public async Task A_mistake_in_the_models_section_stops_the_start_with_a_sentence_naming_the_key(string key, string value, string expected)
    {
        using var host = BuildHost(("Models:Catalog:a:ApiKey", "sk-a"), (key, value));

        var failure = await Should.ThrowAsync<OptionsValidationException>(host.StartAsync(TestContext.Current.CancellationToken));

        failure.Message.ShouldContain(expected);
    }

    [Fact]
    public async Task An_entry_without_key_or_endpoint_or_with_the_openai_sections_id_is_refused()
    {
        using var host = BuildHost(
            ("OpenAI:ApiKey", "sk-x"),
            ("OpenAI:Model", "gpt-4o-mini"),
            ("Models:Catalog:gpt-4o-mini:ApiKey", "sk-y"),
            ("Models:Catalog:bare:DisplayName", "Bare"));

        var failure = await Should.ThrowAsync<OptionsValidationException>(host.StartAsync(TestContext.Current.CancellationToken));

        failure.Message.ShouldContain("Models:Catalog:gpt-4o-mini has the id of the OpenAI section's model");
        failure.Message.ShouldContain("Models:Catalog:bare needs an ApiKey or an Endpoint");
    }
}
