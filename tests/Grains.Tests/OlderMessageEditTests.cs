using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>
/// Edits of messages older than the window the grain holds (<see cref="ClusterFixture.WindowSize"/> messages): the
/// grain reads them from the log, and the same rules hold as for a recent one.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OlderMessageEditTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_message_older_than_the_window_is_edited_to_version_2_and_the_model_sees_only_the_current_path()
    {
        var (user, conversation, marker, sent) = await FourExchangesAsync();
        var old = sent[1];
        (await conversation.GetSnapshotAsync(user))!.Messages.ShouldNotContain(m => m.Id == old.Id, "the grain holds only the newest four");

        var edit = await conversation.EditAsync(user, new EditMessage(old.Id, MessageId.New(), $"fixed {marker}", old.Sequence), TestContext.Current.CancellationToken);
        var snapshot = await conversation.WaitForSequenceAsync(user, 10);

        edit.Outcome.ShouldBe(ChangeOutcome.Accepted, edit.Error);
        (edit.Message!.Sequence, edit.Message.Parent).ShouldBe((9L, (long?)2));
        snapshot.Messages.Select(m => m.Sequence).ShouldBe([1L, 2L, 9L, 10L]);
        snapshot.Messages[2].Versions.ShouldBe(new MessageVersions(2, 2, Previous: 3, Next: 0));
        fixture.Model.Contexts.Last(c => c[^1].Text == $"fixed {marker}").Select(t => t.Text)
            .ShouldBe([$"m1 {marker}", $"Reply to: m1 {marker}", $"fixed {marker}"], "the replaced version and all after it are not sent");
        var archive = await conversation.GetArchiveAsync(user, 0, 20);
        archive.Where(m => m.Versions?.OnCurrentPath ?? true).Select(m => m.Sequence).ShouldBe([1L, 2L, 9L, 10L]);
        archive.Single(m => m.Sequence == 3).Text.ShouldBe($"m2 {marker}", "version 1 stays in the log");

        await fixture.Cluster.DeactivateAsync(conversation);
        await fixture.Cluster.WaitForDeactivationAsync(conversation);
        (await conversation.GetSnapshotAsync(user))!.Messages.ShouldBe(snapshot.Messages, "a new activation finds the same path");
    }

    [Fact]
    public async Task Editing_an_old_message_of_another_chat_or_user_or_at_no_sequence_is_refused_in_words_and_changes_nothing()
    {
        var (user, conversation, marker, sent) = await FourExchangesAsync();
        var summary = await fixture.Client.GetGrain<IUserGrain>(user.Value).StartConversationAsync();
        var other = fixture.Client.GetGrain<IConversationGrain>(summary.Id.Value);
        var elsewhere = (await other.SendAsync(user, new SendMessage(MessageId.New(), $"elsewhere {marker}"), TestContext.Current.CancellationToken)).Message!;
        await other.WaitForSequenceAsync(user, 2);
        var (stranger, _) = await fixture.NewConversationAsync();
        var before = (await conversation.GetSnapshotAsync(user))!;
        var old = sent[0];

        (await conversation.EditAsync(stranger, new EditMessage(old.Id, MessageId.New(), "mine now", old.Sequence), TestContext.Current.CancellationToken)).Outcome.ShouldBe(ChangeOutcome.NotFound);
        (await EditErrorAsync(conversation, user, new EditMessage(elsewhere.Id, MessageId.New(), "x", elsewhere.Sequence))).ShouldContain("cannot be edited");
        (await EditErrorAsync(conversation, user, new EditMessage(old.Id, MessageId.New(), "x", 999))).ShouldContain("cannot be edited");
        (await EditErrorAsync(conversation, user, new EditMessage(old.Id, MessageId.New(), "x", 0))).ShouldContain("cannot be edited");
        (await EditErrorAsync(conversation, user, new EditMessage(old.Id, MessageId.New(), "x", old.Sequence + 1))).ShouldContain("cannot be edited");
        var oldReply = (await conversation.GetHistoryAsync(user, 3, 10))[^1];
        (await EditErrorAsync(conversation, user, new EditMessage(oldReply.Id, MessageId.New(), "x", oldReply.Sequence))).ShouldContain("Only your own messages");
        (await EditErrorAsync(conversation, user, new EditMessage(old.Id, MessageId.New(), " ", old.Sequence))).ShouldContain("empty");

        var held = $"hold: {marker}";
        await conversation.SendAsync(user, new SendMessage(MessageId.New(), held), TestContext.Current.CancellationToken);
        await fixture.Model.WhenHoldingAsync(held);
        (await EditErrorAsync(conversation, user, new EditMessage(old.Id, MessageId.New(), "x", old.Sequence))).ShouldBe(EditRules.WaitForReply);
        fixture.Model.Release(held);

        var after = await conversation.WaitForSequenceAsync(user, 10);
        after.Messages.Select(m => m.Sequence).ShouldBe([7L, 8L, 9L, 10L], "only the held send and its reply were added");
        after.Messages.ShouldAllBe(m => m.Versions == null);
        (await conversation.GetArchiveAsync(user, 0, 20)).Count.ShouldBe(10);
        (await other.GetArchiveAsync(user, 0, 20)).Count.ShouldBe(2, "the other chat is untouched");
        before.Sequence.ShouldBe(8);
    }

    private static async Task<string> EditErrorAsync(IConversationGrain conversation, UserId user, EditMessage edit)
    {
        var result = await conversation.EditAsync(user, edit);
        result.Outcome.ShouldBe(ChangeOutcome.Rejected);
        return result.Error.ShouldNotBeNull();
    }

    // m1…m4 with their replies: 1 to 8, of which the grain holds 5 to 8.
    private async Task<(UserId User, IConversationGrain Conversation, string Marker, ChatMessage[] Sent)> FourExchangesAsync()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        var marker = Guid.NewGuid().ToString("N");
        var sent = new ChatMessage[4];
        for (var i = 0; i < sent.Length; i++)
        {
            sent[i] = (await conversation.SendAsync(user, new SendMessage(MessageId.New(), $"m{i + 1} {marker}"))).Message!;
            await conversation.WaitForSequenceAsync(user, 2 * (i + 1));
        }

        return (user, conversation, marker, sent);
    }
}
