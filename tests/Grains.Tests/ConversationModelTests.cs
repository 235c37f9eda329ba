using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>The model picker and the instructions, through the grain to the real adapters and two in-test servers.</summary>
[Collection(TwoModelCollection.Name)]
public sealed class ConversationModelTests(TwoModelClusterFixture fixture)
{
    [Fact]
    public async Task The_pages_get_the_models_offered_by_id_and_display_name_default_first()
    {
        var models = await fixture.Client.GetGrain<IChatModelsGrain>(0).ListAsync();

        models.ShouldBe([new ChatModelInfo("alpha", "Alpha", IsDefault: true), new ChatModelInfo("beta", "Beta", IsDefault: false)]);
    }

    [Fact]
    public async Task Each_reply_goes_to_the_endpoint_of_the_model_chosen_and_records_it()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        var first = $"first {Guid.NewGuid():N}";
        var second = $"second {Guid.NewGuid():N}";

        await conversation.SendAsync(user, new SendMessage(MessageId.New(), first), TestContext.Current.CancellationToken);
        await conversation.WaitForSequenceAsync(user, 2);
        (await conversation.ConfigureAsync(user, new ConversationSetup("beta", ""))).Outcome.ShouldBe(ChangeOutcome.Accepted);
        await conversation.SendAsync(user, new SendMessage(MessageId.New(), second), TestContext.Current.CancellationToken);
        var snapshot = await conversation.WaitForSequenceAsync(user, 4);

        fixture.Alpha.Requests.Where(r => r.LastUserText == first).ShouldHaveSingleItem().Model.ShouldBe("alpha-upstream");
        fixture.Beta.Requests.Where(r => r.LastUserText == second).ShouldHaveSingleItem().Model.ShouldBe("beta-upstream");
        fixture.Alpha.Requests.ShouldNotContain(r => r.LastUserText == second);
        snapshot.Messages.Where(m => m.Role == ChatRole.Assistant).Select(m => m.Model).ShouldBe(["alpha", "beta"]);
        snapshot.Settings.ShouldBe(new ConversationSettings("beta", ""));
    }

    [Fact]
    public async Task The_instructions_are_first_in_the_request_in_place_of_the_default_and_survive_trimming()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        const string Instructions = "Answer like a pirate.";
        (await conversation.ConfigureAsync(user, new ConversationSetup(null, "  " + Instructions + "\n"))).Succeeded.ShouldBeTrue();
        var marker = Guid.NewGuid().ToString("N");

        // Each message is a third of the fixture's 300-character budget: the oldest fall out, the instructions stay.
        for (var i = 1; i <= 3; i++)
        {
            await conversation.SendAsync(user, new SendMessage(MessageId.New(), $"{i} {marker} ".PadRight(100, 'x')), TestContext.Current.CancellationToken);
            await conversation.WaitForSequenceAsync(user, 2 * i);
        }

        var last = fixture.Alpha.Requests.Where(r => r.LastUserText.StartsWith($"3 {marker}", StringComparison.Ordinal)).ShouldHaveSingleItem();
        last.Messages[0].ShouldBe(new("system", Instructions));
        last.Messages.Count(m => m.Role == "system").ShouldBe(1);
        last.Messages.ShouldNotContain(m => m.Text.StartsWith($"1 {marker}", StringComparison.Ordinal));
        last.Messages.Sum(m => m.Text.Length).ShouldBeLessThanOrEqualTo(ClusterFixture.ContextBudget);
        (await conversation.GetSnapshotAsync(user))!.Settings!.Instructions.ShouldBe(Instructions);
    }

    [Fact]
    public async Task A_model_or_instructions_change_is_published_to_open_pages_and_a_refused_one_is_not()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        await using var events = await EventRecorder.SubscribeAsync(fixture.Client, new ConversationId(conversation.GetPrimaryKey()));

        await conversation.ConfigureAsync(user, new ConversationSetup("beta", ""));
        await conversation.ConfigureAsync(user, new ConversationSetup("gpt-9", "Refused."));
        await conversation.ConfigureAsync(user, new ConversationSetup("beta", " Be kind.\r\n"));
        var published = await events.WaitForDurableAsync(2);

        published.ShouldAllBe(e => e is SettingsChanged);
        published.Cast<SettingsChanged>().Select(e => e.Settings).ShouldBe(
            [new ConversationSettings("beta", ""), new ConversationSettings("beta", "Be kind.")]);
        (await conversation.GetSnapshotAsync(user))!.Settings.ShouldBe(published.Cast<SettingsChanged>().Last().Settings);
    }

    [Fact]
    public async Task An_unknown_model_oversized_instructions_and_another_users_conversation_are_refused_and_change_nothing()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        var (intruder, _) = await fixture.NewConversationAsync();
        await conversation.ConfigureAsync(user, new ConversationSetup("beta", "Be kind."));

        var unknown = await conversation.ConfigureAsync(user, new ConversationSetup("gpt-9", "Other"));
        var oversized = await conversation.ConfigureAsync(user, new ConversationSetup("alpha", new string('x', 4_001)));
        var foreign = await conversation.ConfigureAsync(intruder, new ConversationSetup("alpha", "Mine now."));

        unknown.ShouldBe(ChangeResult.Refused("There is no model “gpt-9”; choose one of Alpha, Beta."));
        oversized.ShouldBe(ChangeResult.Refused("Instructions can be at most 4,000 characters; these are 4,001."));
        foreign.ShouldBe(ChangeResult.NotFound);
        (await conversation.GetSnapshotAsync(user))!.Settings.ShouldBe(new ConversationSettings("beta", "Be kind."));
        (await conversation.GetSnapshotAsync(intruder)).ShouldBeNull();
    }
}
