using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>Stop, regenerate, rename and delete: what the chat page's buttons ask of a conversation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ConversationChangesTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Stop_cancels_the_model_request_and_stores_what_was_written_marked_stopped()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        var held = $"hold: {Guid.NewGuid():N}";
        await conversation.SendAsync(user, new SendMessage(MessageId.New(), held), TestContext.Current.CancellationToken);
        await fixture.Model.WhenHoldingAsync(held);

        var stop = await conversation.StopReplyAsync(user);
        var snapshot = await conversation.WaitForSequenceAsync(user, 2);

        stop.Succeeded.ShouldBeTrue();
        fixture.Model.WasCancelled(held).ShouldBeTrue("stopping must cancel the upstream request, so no more tokens are billed");
        var reply = snapshot.Messages[^1];
        (reply.Role, reply.Status, reply.Text, reply.Error).ShouldBe((ChatRole.Assistant, ReplyStatus.Stopped, "Reply ", (string?)null));
        snapshot.QueuedReplies.ShouldBe(0);
        fixture.Model.CallsFor(held).ShouldBe(1, "a stopped reply is not restarted by the guard");
    }

    [Fact]
    public async Task Regenerate_is_refused_in_words_while_a_reply_is_being_written_and_queues_nothing()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        var held = $"hold: {Guid.NewGuid():N}";
        await conversation.SendAsync(user, new SendMessage(MessageId.New(), held), TestContext.Current.CancellationToken);
        await fixture.Model.WhenHoldingAsync(held);

        var result = await conversation.RegenerateAsync(user);
        fixture.Model.Release(held);
        var snapshot = await conversation.WaitForSequenceAsync(user, 2);

        result.Outcome.ShouldBe(ChangeOutcome.Rejected);
        result.Error.ShouldNotBeNull().ShouldContain("being written");
        snapshot.Messages.Count(m => m.Role == ChatRole.Assistant).ShouldBe(1);
        fixture.Model.CallsFor(held).ShouldBe(1);
    }

    [Fact]
    public async Task Rename_stores_the_tidied_title_tells_open_pages_and_the_owners_list()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        var id = new ConversationId(conversation.GetPrimaryKey());
        await using var events = await EventRecorder.SubscribeAsync(fixture.Client, id);

        var result = await conversation.RenameAsync(user, "  Trip\n to   Lisbon ");
        var renamed = (await events.WaitForDurableAsync(1)).OfType<ConversationRenamed>().Single();
        var listed = await fixture.Client.GetGrain<IUserGrain>(user.Value).ListConversationsAsync();

        result.ShouldBe(ChangeResult.Done);
        renamed.Title.ShouldBe("Trip to Lisbon");
        (await conversation.GetSnapshotAsync(user))!.Title.ShouldBe("Trip to Lisbon");
        listed.Single(c => c.Id == id).Title.ShouldBe("Trip to Lisbon");
    }

    [Theory]
    [InlineData("   ", "empty")]
    [InlineData("tab\u0007bell", "control character")]
    [InlineData("\u001b[31mred", "control character")]
    public async Task A_bad_title_is_refused_in_words_and_the_old_one_stays(string title, string expectedWords)
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        await conversation.SendAsync(user, new SendMessage(MessageId.New(), "first words"), TestContext.Current.CancellationToken);
        await conversation.WaitForSequenceAsync(user, 2);

        var result = await conversation.RenameAsync(user, title);
        var tooLong = await conversation.RenameAsync(user, new string('t', 81));

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldNotBeNull().ShouldContain(expectedWords);
        tooLong.Error.ShouldNotBeNull().ShouldContain("the limit is 80");
        (await conversation.GetSnapshotAsync(user))!.Title.ShouldBe("first words");
    }

    [Fact]
    public async Task Delete_removes_the_conversation_its_messages_and_its_place_in_the_list_and_tells_open_pages()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        var id = new ConversationId(conversation.GetPrimaryKey());
        await conversation.SendAsync(user, new SendMessage(MessageId.New(), "soon gone"), TestContext.Current.CancellationToken);
        await conversation.WaitForSequenceAsync(user, 2);
        await using var events = await EventRecorder.SubscribeAsync(fixture.Client, id);

        var result = await conversation.DeleteAsync(user);
        await events.WaitForDurableAsync(1);
        await fixture.Cluster.WaitForDeactivationAsync(conversation);

        result.ShouldBe(ChangeResult.Done);
        (await conversation.GetSnapshotAsync(user)).ShouldBeNull();
        (await conversation.SendAsync(user, new SendMessage(MessageId.New(), "after"), TestContext.Current.CancellationToken)).Outcome.ShouldBe(ChangeOutcome.NotFound);
        (await fixture.Client.GetGrain<IUserGrain>(user.Value).ListConversationsAsync()).ShouldNotContain(c => c.Id == id);
    }

    [Fact]
    public async Task Another_user_cannot_stop_regenerate_rename_or_delete_and_nothing_changes()
    {
        var (owner, conversation) = await fixture.NewConversationAsync();
        var (stranger, _) = await fixture.NewConversationAsync();
        await conversation.SendAsync(owner, new SendMessage(MessageId.New(), "mine"), TestContext.Current.CancellationToken);
        await conversation.WaitForSequenceAsync(owner, 2);

        (await conversation.RenameAsync(stranger, "stolen")).ShouldBe(ChangeResult.NotFound);
        (await conversation.DeleteAsync(stranger)).ShouldBe(ChangeResult.NotFound);
        (await conversation.StopReplyAsync(stranger)).ShouldBe(ChangeResult.NotFound);
        (await conversation.RegenerateAsync(stranger)).Outcome.ShouldBe(ChangeOutcome.NotFound);

        var snapshot = await conversation.GetSnapshotAsync(owner);
        (snapshot!.Title, snapshot.Sequence).ShouldBe(("mine", 2L));
    }
}
