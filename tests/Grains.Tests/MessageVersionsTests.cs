using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>Edit and versions (issue 22): new versions are new rows of the log, and only the current path is shown and sent.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MessageVersionsTests(ClusterFixture fixture)
{
    [Fact]
    public async Task An_edit_makes_version_2_and_the_model_sees_only_the_current_path()
    {
        var (user, conversation, marker, typo) = await TwoExchangesAsync();

        var edit = await conversation.EditAsync(user, new EditMessage(typo.Id, MessageId.New(), $"fixed {marker}"), TestContext.Current.CancellationToken);
        var snapshot = await conversation.WaitForSequenceAsync(user, 6);

        edit.Outcome.ShouldBe(ChangeOutcome.Accepted, edit.Error);
        snapshot.Messages.Select(m => m.Sequence).ShouldBe([1L, 2L, 5L, 6L]);
        snapshot.Messages[2].Versions.ShouldBe(new MessageVersions(2, 2, Previous: 3, Next: 0));
        fixture.Model.Contexts.Last(c => c[^1].Text == $"fixed {marker}").Select(t => t.Text)
            .ShouldBe([$"first {marker}", $"Reply to: first {marker}", $"fixed {marker}"], "the earlier version and its reply are not sent");
        (await conversation.GetHistoryAsync(user, 5, 10)).Select(m => m.Sequence).ShouldBe([1L, 2L], "paging follows the current path");
        (await conversation.GetHistoryAfterAsync(user, 0, 10)).Select(m => m.Sequence).ShouldBe([1L, 2L, 5L, 6L]);
        var archive = await conversation.GetArchiveAsync(user, 0, 10);
        archive.Select(m => (m.Sequence, m.Versions?.OnCurrentPath ?? true)).ShouldBe(
            [(1L, true), (2L, true), (3L, false), (4L, false), (5L, true), (6L, true)], "nothing is rewritten: the first version stays in the log");
        archive[2].Text.ShouldBe($"typo {marker}");
    }

    [Fact]
    public async Task Switching_back_to_version_1_restores_its_branch_after_a_deactivation_and_the_chat_goes_on_from_there()
    {
        var (user, conversation, marker, typo) = await TwoExchangesAsync();
        await conversation.EditAsync(user, new EditMessage(typo.Id, MessageId.New(), $"fixed {marker}"), TestContext.Current.CancellationToken);
        await conversation.WaitForSequenceAsync(user, 6);

        (await conversation.SelectVersionAsync(user, 3)).Outcome.ShouldBe(ChangeOutcome.Accepted);
        await fixture.Cluster.DeactivateAsync(conversation);
        await fixture.Cluster.WaitForDeactivationAsync(conversation);
        var reloaded = (await conversation.GetSnapshotAsync(user))!;

        reloaded.Messages.Select(m => m.Sequence).ShouldBe([1L, 2L, 3L, 4L]);
        reloaded.Messages[2].Versions.ShouldBe(new MessageVersions(1, 2, Previous: 0, Next: 5));
        reloaded.Sequence.ShouldBe(6);

        await conversation.SendAsync(user, new SendMessage(MessageId.New(), $"then {marker}"), TestContext.Current.CancellationToken);
        var continued = await conversation.WaitForSequenceAsync(user, 8);
        continued.Messages.Select(m => m.Sequence).ShouldBe([3L, 4L, 7L, 8L]);
        continued.Messages[2].Parent.ShouldBe(4);
        fixture.Model.Contexts.Last(c => c[^1].Text == $"then {marker}").ShouldContain(t => t.Text == $"typo {marker}");
        fixture.Model.Contexts.Last(c => c[^1].Text == $"then {marker}").ShouldNotContain(t => t.Text == $"fixed {marker}");
        (await conversation.GetHistoryAsync(user, 3, 10)).Select(m => m.Sequence).ShouldBe([1L, 2L]);
    }

    [Fact]
    public async Task Regenerate_makes_version_2_of_the_reply_in_place_of_a_second_reply_below()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        var text = $"again {Guid.NewGuid():N}";
        await conversation.SendAsync(user, new SendMessage(MessageId.New(), text), TestContext.Current.CancellationToken);
        await conversation.WaitForSequenceAsync(user, 2);

        var result = await conversation.RegenerateAsync(user);
        var snapshot = await conversation.WaitForSequenceAsync(user, 3);
        await fixture.Cluster.DeactivateAsync(conversation);
        await fixture.Cluster.WaitForDeactivationAsync(conversation);
        var reloaded = (await conversation.GetSnapshotAsync(user))!;

        result.Outcome.ShouldBe(ChangeOutcome.Accepted);
        snapshot.Messages.Select(m => (m.Sequence, m.Role)).ShouldBe([(1L, ChatRole.User), (3L, ChatRole.Assistant)]);
        snapshot.Messages[1].Versions.ShouldBe(new MessageVersions(2, 2, Previous: 2, Next: 0));
        reloaded.Messages.ShouldBe(snapshot.Messages);
        fixture.Model.CallsFor(text).ShouldBe(2);
        fixture.Model.Contexts.Last(c => c[^1].Text == text).Count.ShouldBe(1, "the earlier answer is not part of the new one's context");
    }

    [Fact]
    public async Task Bad_edits_are_refused_in_words_and_change_nothing()
    {
        var (user, conversation, marker, typo) = await TwoExchangesAsync();
        var (stranger, _) = await fixture.NewConversationAsync();
        var before = (await conversation.GetSnapshotAsync(user))!;
        var reply = before.Messages[^1];

        (await conversation.EditAsync(stranger, new EditMessage(typo.Id, MessageId.New(), "mine now"), TestContext.Current.CancellationToken)).Outcome.ShouldBe(ChangeOutcome.NotFound);
        (await conversation.SelectVersionAsync(stranger, 1)).Outcome.ShouldBe(ChangeOutcome.NotFound);
        (await conversation.GetArchiveAsync(stranger, 0, 10)).ShouldBeEmpty();
        (await EditErrorAsync(conversation, user, reply.Id, "x")).ShouldContain("Only your own messages");
        (await EditErrorAsync(conversation, user, MessageId.New(), "x")).ShouldContain("cannot be edited");
        (await EditErrorAsync(conversation, user, typo.Id, " \n ")).ShouldContain("empty");
        (await EditErrorAsync(conversation, user, typo.Id, new string('x', 4_001))).ShouldContain("the limit is 4,000");

        var held = $"hold: {marker}";
        await conversation.SendAsync(user, new SendMessage(MessageId.New(), held), TestContext.Current.CancellationToken);
        await fixture.Model.WhenHoldingAsync(held);
        (await EditErrorAsync(conversation, user, typo.Id, "x")).ShouldBe(EditRules.WaitForReply);
        (await conversation.SelectVersionAsync(user, 1)).Error.ShouldNotBeNull().ShouldContain("Wait for the reply");
        fixture.Model.Release(held);

        var after = await conversation.WaitForSequenceAsync(user, 6);
        after.Messages.Select(m => m.Sequence).ShouldBe([3L, 4L, 5L, 6L], "only the held send and its reply were added");
        after.Messages.ShouldAllBe(m => m.Versions == null);
    }

    [Fact]
    public async Task An_edit_sent_twice_with_its_id_is_stored_once()
    {
        var (user, conversation, marker, typo) = await TwoExchangesAsync();
        var edit = new EditMessage(typo.Id, MessageId.New(), $"once {marker}");

        var first = await conversation.EditAsync(user, edit, TestContext.Current.CancellationToken);
        var second = await conversation.EditAsync(user, edit, TestContext.Current.CancellationToken);
        await conversation.WaitForSequenceAsync(user, 6);
        var third = await conversation.EditAsync(user, edit, TestContext.Current.CancellationToken);

        (first.Outcome, second.Outcome, third.Outcome).ShouldBe((ChangeOutcome.Accepted, ChangeOutcome.Duplicate, ChangeOutcome.Duplicate));
        second.Message!.Sequence.ShouldBe(first.Message!.Sequence);
        (await conversation.GetArchiveAsync(user, 0, 10)).Count.ShouldBe(6);
    }

    private static async Task<string> EditErrorAsync(IConversationGrain conversation, UserId user, MessageId original, string text)
    {
        var result = await conversation.EditAsync(user, new EditMessage(original, MessageId.New(), text));
        result.Outcome.ShouldBe(ChangeOutcome.Rejected);
        return result.Error.ShouldNotBeNull();
    }

    // 1 "first", 2 its reply, 3 "typo", 4 its reply.
    private async Task<(UserId User, IConversationGrain Conversation, string Marker, ChatMessage Typo)> TwoExchangesAsync()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        var marker = Guid.NewGuid().ToString("N");
        await conversation.SendAsync(user, new SendMessage(MessageId.New(), $"first {marker}"));
        await conversation.WaitForSequenceAsync(user, 2);
        var typo = (await conversation.SendAsync(user, new SendMessage(MessageId.New(), $"typo {marker}"))).Message!;
        await conversation.WaitForSequenceAsync(user, 4);
        return (user, conversation, marker, typo);
    }
}
