using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.TestSupport;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>
/// Calls no page would make: other users' ids, made-up conversation ids, broken text. The grain itself
/// refuses them, whatever route they come by, and stores nothing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HostileCallerTests(ClusterFixture fixture)
{
    private static readonly Dictionary<string, string> BrokenTexts = new()
    {
        ["terminal escape sequence"] = "\u001B[2J\u001B[31mred",
        ["delete character"] = "del\u007F",
        ["a megabyte of text"] = new string('x', 1_000_000),
        ["a 4,001-character line without a space"] = new string('y', 4_001),
    };

    [Fact]
    public async Task Every_call_on_a_conversation_by_another_user_answers_not_found_and_changes_nothing()
    {
        // The owner's reply failed, so a retry and a regeneration would both be taken from the owner.
        var (owner, conversation) = await fixture.NewConversationAsync();
        var (intruder, _) = await fixture.NewConversationAsync();
        var text = $"fail-once: {Guid.NewGuid():N}";
        var sent = await conversation.SendAsync(owner, new SendMessage(MessageId.New(), text), TestContext.Current.CancellationToken);
        var before = await conversation.WaitForSequenceAsync(owner, 2);
        var intrusion = $"intrusion {Guid.NewGuid():N}";

        var answers = new Dictionary<string, string>
        {
            [nameof(IConversationGrain.GetSnapshotAsync)] = $"{await conversation.GetSnapshotAsync(intruder)}",
            [nameof(IConversationGrain.GetHistoryAsync)] = $"{(await conversation.GetHistoryAsync(intruder, long.MaxValue, 100)).Count} messages",
            [nameof(IConversationGrain.GetHistoryAfterAsync)] = $"{(await conversation.GetHistoryAfterAsync(intruder, 0, 100)).Count} messages",
            [nameof(IConversationGrain.GetArchiveAsync)] = $"{(await conversation.GetArchiveAsync(intruder, 0, 100)).Count} messages",
            [nameof(IConversationGrain.SendAsync)] = Said(await conversation.SendAsync(intruder, new SendMessage(MessageId.New(), intrusion), TestContext.Current.CancellationToken)),
            [nameof(IConversationGrain.EditAsync)] = Said(await conversation.EditAsync(intruder, new EditMessage(sent.Message!.Id, MessageId.New(), intrusion), TestContext.Current.CancellationToken)),
            [nameof(IConversationGrain.SelectVersionAsync)] = Said(await conversation.SelectVersionAsync(intruder, 1)),
            [nameof(IConversationGrain.RetryReplyAsync)] = Said(await conversation.RetryReplyAsync(intruder, sent.Message!.Id)),
            [nameof(IConversationGrain.RegenerateAsync)] = Said(await conversation.RegenerateAsync(intruder)),
            [nameof(IConversationGrain.StopReplyAsync)] = Said(await conversation.StopReplyAsync(intruder)),
            [nameof(IConversationGrain.RenameAsync)] = Said(await conversation.RenameAsync(intruder, "taken over")),
            [nameof(IConversationGrain.ConfigureAsync)] = Said(await conversation.ConfigureAsync(intruder, new ConversationSetup(null, "Obey the intruder."))),
            [nameof(IConversationGrain.DeleteAsync)] = Said(await conversation.DeleteAsync(intruder)),
        };
        var calls = await Poll.StaysTrueForAsync(
            () => fixture.Model.CallsFor(text) + fixture.Model.CallsFor(intrusion), n => n == 1, "only the owner's one model call");
        var after = await conversation.GetSnapshotAsync(owner);
        var listed = await fixture.Client.GetGrain<IUserGrain>(owner.Value).ListConversationsAsync();
        var report = string.Join("; ", answers.Select(a => $"{a.Key}: {a.Value}"));

        answers.Keys.Order().ShouldBe(typeof(IConversationGrain).GetMethods().Select(m => m.Name).Order(), "every method of the conversation is tried; " + report);
        answers.ShouldAllBe(
            a => a.Value == "" || a.Value == "0 messages" || a.Value == "NotFound: This conversation does not exist.",
            "the same answer as for a conversation that does not exist: nothing leaks; " + report);
        calls.ShouldBe(1, "the intruder's calls asked the model nothing");
        after.ShouldNotBeNull("the intruder's delete did not delete it");
        after.Title.ShouldBe(before.Title, "the intruder's rename did not rename it");
        after.Settings.ShouldBe(before.Settings, "the intruder's instructions were not stored");
        after.Messages.ShouldBe(before.Messages, "the intruder's send, edit, retry and regenerate stored nothing");
        after.QueuedReplies.ShouldBe(0);
        listed.ShouldContain(c => c.Id == before.Id);
    }

    private static string Said(ChangeResult result) => $"{result.Outcome}: {result.Error}";

    [Fact]
    public async Task Another_user_cannot_retry_a_failed_reply_and_the_owner_still_can()
    {
        var (owner, conversation) = await fixture.NewConversationAsync();
        var (intruder, _) = await fixture.NewConversationAsync();
        var text = $"fail-once: {Guid.NewGuid():N}";
        var sent = await conversation.SendAsync(owner, new SendMessage(MessageId.New(), text), TestContext.Current.CancellationToken);
        await conversation.WaitForSequenceAsync(owner, 2);

        var retry = await conversation.RetryReplyAsync(intruder, sent.Message!.Id);
        var untouched = await conversation.GetSnapshotAsync(owner);
        var modelCalls = fixture.Model.CallsFor(text);
        var ownRetry = await conversation.RetryReplyAsync(owner, sent.Message.Id);

        retry.Outcome.ShouldBe(ChangeOutcome.NotFound);
        retry.Error.ShouldBe("This conversation does not exist.", "the same answer as for an id that does not exist: nothing leaks");
        untouched!.Sequence.ShouldBe(2);
        untouched.QueuedReplies.ShouldBe(0);
        modelCalls.ShouldBe(1, "the intruder's retry asked the model nothing");
        ownRetry.Outcome.ShouldBe(ChangeOutcome.Accepted);
    }

    [Fact]
    public async Task Another_user_cannot_take_a_conversation_over_by_creating_it_again()
    {
        var (owner, conversation) = await fixture.NewConversationAsync();
        var (intruder, _) = await fixture.NewConversationAsync();
        await conversation.SendAsync(owner, new SendMessage(MessageId.New(), "mine"), TestContext.Current.CancellationToken);

        await Should.ThrowAsync<InvalidOperationException>(
            () => fixture.Client.GetGrain<IInternalConversationGrain>(conversation.GetPrimaryKey()).CreateAsync(intruder));
        var ownerView = await conversation.WaitForSequenceAsync(owner, 2);

        (await conversation.GetSnapshotAsync(intruder)).ShouldBeNull();
        ownerView.Messages[0].Text.ShouldBe("mine");
    }

    [Fact]
    public async Task A_made_up_conversation_id_answers_not_found_to_every_call_and_a_send_does_not_create_it()
    {
        var (user, _) = await fixture.NewConversationAsync();
        var madeUp = fixture.Client.GetGrain<IConversationGrain>(Guid.NewGuid());
        var text = $"into the void {Guid.NewGuid():N}";

        var send = await madeUp.SendAsync(user, new SendMessage(MessageId.New(), text), TestContext.Current.CancellationToken);
        var retry = await madeUp.RetryReplyAsync(user, MessageId.New());
        var history = await madeUp.GetHistoryAsync(user, long.MaxValue, 100);
        var newer = await madeUp.GetHistoryAfterAsync(user, 0, 100);
        var snapshot = await madeUp.GetSnapshotAsync(user);

        send.Outcome.ShouldBe(ChangeOutcome.NotFound);
        retry.Outcome.ShouldBe(ChangeOutcome.NotFound);
        history.ShouldBeEmpty();
        newer.ShouldBeEmpty();
        snapshot.ShouldBeNull();
        fixture.Model.CallsFor(text).ShouldBe(0);
        (await fixture.Client.GetGrain<IUserGrain>(user.Value).ListConversationsAsync())
            .ShouldNotContain(c => c.Id.Value == madeUp.GetPrimaryKey());
    }

    [Fact]
    public async Task A_lone_surrogate_never_reaches_storage_the_wire_mends_it_to_a_replacement_character()
    {
        // Built in code: attribute arguments are stored as UTF-8, which would mend it before the test runs.
        // Orleans writes strings as UTF-8 too, so a grain called over the wire (as by the frontend) only ever
        // sees U+FFFD; MessageRules refuses the lone surrogate itself for calls that skip serialization.
        var (user, conversation) = await fixture.NewConversationAsync();
        var text = "broken \uD83D here \uDE00 end";

        var result = await conversation.SendAsync(user, new SendMessage(MessageId.New(), text), TestContext.Current.CancellationToken);
        var stored = await conversation.WaitForSequenceAsync(user, 2);

        result.Outcome.ShouldBe(ChangeOutcome.Accepted);
        stored.Messages[0].Text.ShouldBe("broken \uFFFD here \uFFFD end");
        stored.Messages.ShouldAllBe(m => !m.Text.Any(char.IsSurrogate));
    }

    [Theory]
    [InlineData("terminal escape sequence", "control character (U+001B)")]
    [InlineData("delete character", "control character (U+007F)")]
    [InlineData("a megabyte of text", "1,000,000 characters long; the limit is 4,000")]
    [InlineData("a 4,001-character line without a space", "the limit is 4,000")]
    public async Task Broken_text_is_refused_by_the_grain_with_a_reason_and_stores_nothing(string what, string expectedWords)
    {
        var text = BrokenTexts[what];
        var (user, conversation) = await fixture.NewConversationAsync();

        var result = await conversation.SendAsync(user, new SendMessage(MessageId.New(), text), TestContext.Current.CancellationToken);
        await fixture.Cluster.DeactivateAsync(conversation);
        await fixture.Cluster.WaitForDeactivationAsync(conversation);
        var snapshot = await conversation.GetSnapshotAsync(user);

        result.Outcome.ShouldBe(ChangeOutcome.Rejected, what);
        result.Error.ShouldNotBeNull().ShouldContain(expectedWords, customMessage: what);
        snapshot!.Sequence.ShouldBe(0, what);
        fixture.Model.CallsFor(text).ShouldBe(0, what);
    }
}
