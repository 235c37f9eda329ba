using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class PresetTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_user_sees_the_built_in_presets_then_their_own_which_outlive_the_activation()
    {
        var (user, _) = await fixture.NewConversationAsync();
        var presets = fixture.Client.GetGrain<IUserPresetsGrain>(user.Value);

        (await presets.SaveAsync(new ChatPreset("  Pirate ", " Talk like a pirate. ", "scripted"))).Succeeded.ShouldBeTrue();
        (await presets.SaveAsync(new ChatPreset("pirate", "Talk like a pirate, briefly."))).Succeeded.ShouldBeTrue();
        await fixture.Cluster.DeactivateAsync(presets);
        await fixture.Cluster.WaitForDeactivationAsync(presets);
        var list = await presets.ListAsync();

        list.Take(3).Select(p => p.Name).ShouldBe(["Concise assistant", "Code reviewer", "Translator"]);
        list.Take(3).ShouldAllBe(p => p.IsBuiltIn);
        list.Skip(3).ShouldBe([new ChatPreset("pirate", "Talk like a pirate, briefly.")], "the same name, in any case, replaces the preset");
    }

    [Fact]
    public async Task Bad_presets_are_refused_in_words_and_change_nothing()
    {
        var (user, _) = await fixture.NewConversationAsync();
        var presets = fixture.Client.GetGrain<IUserPresetsGrain>(user.Value);
        await presets.SaveAsync(new ChatPreset("Kept", "Keep me."));

        (await presets.SaveAsync(new ChatPreset("Long", new string('x', 4_500)))).Error.ShouldBe("Instructions can be at most 4,000 characters; these are 4,500.");
        (await presets.SaveAsync(new ChatPreset(new string('n', 61), "x"))).Error.ShouldBe("A preset's name can be at most 60 characters; this one is 61.");
        (await presets.SaveAsync(new ChatPreset("Kept", "x", "gpt-9"))).Error.ShouldBe("There is no model “gpt-9”; choose one of scripted.");
        (await presets.SaveAsync(new ChatPreset("Translator", "x"))).Error.ShouldBe("“Translator” is a built-in preset; choose another name.");
        (await presets.DeleteAsync("Translator")).Outcome.ShouldBe(ChangeOutcome.Rejected);

        (await presets.ListAsync()).Where(p => !p.IsBuiltIn).ShouldBe([new ChatPreset("Kept", "Keep me.")]);
        (await presets.DeleteAsync("Kept")).Succeeded.ShouldBeTrue();
        (await presets.ListAsync()).ShouldAllBe(p => p.IsBuiltIn);
    }
}
