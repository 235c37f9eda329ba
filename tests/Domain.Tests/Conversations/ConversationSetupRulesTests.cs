using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class ConversationSetupRulesTests
{
    private static readonly ChatModelCatalog Models = new([new StubModel("fast", "Fast"), new StubModel("smart", "Smart")], "fast");

    [Fact]
    public void A_known_model_and_trimmed_instructions_are_stored()
    {
        var state = new ConversationState();

        ConversationSetupRules.Apply(state, new ConversationSetup("smart", "  Be brief.\r\nUse lists.  "), Models, 4_000).ShouldBeNull();

        state.ModelId.ShouldBe("smart");
        state.Instructions.ShouldBe("Be brief.\nUse lists.");
    }

    [Fact]
    public void An_unknown_model_is_refused_naming_the_choices_and_nothing_changes()
    {
        var state = new ConversationState { ModelId = "smart", Instructions = "Keep me." };

        var error = ConversationSetupRules.Apply(state, new ConversationSetup("gpt-9", "Other"), Models, 4_000);

        error.ShouldBe("There is no model “gpt-9”; choose one of Fast, Smart.");
        (state.ModelId, state.Instructions).ShouldBe(("smart", "Keep me."));
    }

    [Fact]
    public void Instructions_over_the_limit_are_refused_with_the_limit_in_words()
    {
        var state = new ConversationState();

        var error = ConversationSetupRules.Apply(state, new ConversationSetup(null, new string('x', 5_210)), Models, 4_000);

        error.ShouldBe("Instructions can be at most 4,000 characters; these are 5,210.");
        state.Instructions.ShouldBe("");
    }

    [Fact]
    public void Instructions_with_a_control_character_are_refused()
    {
        ConversationSetupRules.CheckInstructions("a\u0007b", 4_000).Error.ShouldBe(
            "The instructions contain an invisible control character (U+0007) and were not saved.");
    }

    [Fact]
    public void A_removed_model_falls_back_to_the_default_with_a_note()
    {
        var settings = ConversationSetupRules.Describe(new ConversationState { ModelId = "retired" }, Models);

        settings.ModelId.ShouldBe("fast");
        settings.Note.ShouldBe("The model this chat used (“retired”) is no longer offered; replies now come from Fast.");
        ConversationSetupRules.ModelFor("retired", Models).Name.ShouldBe("fast");
    }

    [Fact]
    public void No_choice_means_the_default_without_a_note()
    {
        var settings = ConversationSetupRules.Describe(new ConversationState(), Models);

        settings.ShouldBe(new ConversationSettings("fast", "", null));
    }
}
