using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class ChatModelCatalogTests
{
    [Fact]
    public void The_default_comes_first_and_ids_are_found_exactly()
    {
        var catalog = new ChatModelCatalog([new StubModel("a", "A"), new StubModel("b", "B")], "b");

        catalog.Default.Name.ShouldBe("b");
        catalog.All.Select(m => m.Name).ShouldBe(["b", "a"]);
        catalog.Find("a")!.DisplayName.ShouldBe("A");
        catalog.Find("A").ShouldBeNull();
        catalog.Find(null).ShouldBeNull();
    }

    [Fact]
    public void Without_a_default_the_first_model_is_it()
    {
        new ChatModelCatalog([new StubModel("a", "A"), new StubModel("b", "B")]).Default.Name.ShouldBe("a");
    }

    [Fact]
    public void Two_models_with_one_id_or_an_unknown_default_are_a_bug()
    {
        Should.Throw<ArgumentException>(() => new ChatModelCatalog([new StubModel("a", "A"), new StubModel("a", "B")]));
        Should.Throw<ArgumentException>(() => new ChatModelCatalog([new StubModel("a", "A")], "z"));
    }

    [Fact]
    public void A_named_model_keeps_its_own_id_name_and_budget_over_the_adapter()
    {
        var named = new NamedChatModel("fast", "Fast model", 2_000, new StubModel("gpt-4o-mini", "gpt-4o-mini"));

        (named.Name, named.DisplayName, named.ContextCharacterBudget).ShouldBe(("fast", "Fast model", (int?)2_000));
    }
}
