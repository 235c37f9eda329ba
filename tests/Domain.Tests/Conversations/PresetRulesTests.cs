using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Presets;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class PresetRulesTests
{
    private static readonly ChatModelCatalog Models = new([new StubModel("fast", "Fast")]);

    [Fact]
    public void A_saved_preset_is_trimmed_and_goes_last_replacing_one_of_its_name()
    {
        var (presets, error) = PresetRules.Save(
            [new ChatPreset("Pirate", "old"), new ChatPreset("Other", "o")], new ChatPreset(" PIRATE ", " new\r\n ", "fast"), Models, 4_000);

        error.ShouldBeNull();
        presets.ShouldBe([new ChatPreset("Other", "o"), new ChatPreset("PIRATE", "new", "fast")]);
    }

    [Fact]
    public void An_empty_name_and_a_full_list_are_refused()
    {
        PresetRules.Save([], new ChatPreset("  ", "x"), Models, 4_000).Error.ShouldBe("Give the preset a name.");
        var full = Enumerable.Range(0, PresetRules.MaxPresets).Select(i => new ChatPreset($"p{i}", "")).ToList();
        PresetRules.Save(full, new ChatPreset("one more", ""), Models, 4_000).Error.ShouldBe("You can keep at most 50 presets; delete one first.");
        PresetRules.Save(full, new ChatPreset("p3", "changed"), Models, 4_000).Error.ShouldBeNull("replacing one is no new preset");
    }

    [Fact]
    public void The_built_in_presets_fit_the_rules_of_users_presets()
    {
        BuiltInPresets.All.Select(p => p.Name).ShouldBe(["Concise assistant", "Code reviewer", "Translator"]);
        BuiltInPresets.All.ShouldAllBe(p => p.Instructions.Length <= 4_000 && p.Name.Length <= PresetRules.MaxNameLength);
    }
}
