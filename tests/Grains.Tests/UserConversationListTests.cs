using System.Collections.Concurrent;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.TestSupport;
using Orleans.Streams;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class UserConversationListTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_list_is_newest_first_by_last_message_every_reordering_is_published_and_kept_after_deactivation()
    {
        var (user, first) = await fixture.NewConversationAsync();
        var userGrain = fixture.Client.GetGrain<IUserGrain>(user.Value);
        await first.SendAsync(user, new SendMessage(MessageId.New(), "first chat"), TestContext.Current.CancellationToken);
        var second = fixture.Client.GetGrain<IConversationGrain>((await userGrain.StartConversationAsync()).Id.Value);
        await second.SendAsync(user, new SendMessage(MessageId.New(), "second chat"), TestContext.Current.CancellationToken);
        var published = new ConcurrentQueue<ConversationListChanged>();
        var handle = await SubscribeAsync(user, published);

        var before = await userGrain.ListConversationsAsync();
        await first.SendAsync(user, new SendMessage(MessageId.New(), "first chat again"), TestContext.Current.CancellationToken);
        // A new subscriber can be given events published just before it subscribed: the stream's cursor starts at
        // the newest event the silo has pulled, which under load may be the first chat's first message (a whole
        // list with the first chat on top). What this send publishes carries the first chat's newer time.
        var firstChatTime = before.Single(c => c.Title == "first chat").UpdatedAt;
        bool MovesFirstChatUp(ConversationListChanged changed) => changed.Conversations is [{ Title: "first chat" } top, ..] && top.UpdatedAt > firstChatTime;
        var seen = await Poll.UntilAsync(() => Task.FromResult(published.ToList()), p => p.Any(MovesFirstChatUp), TimeSpan.FromSeconds(30), "a list change moving the first chat up");
        var moved = seen.Last(MovesFirstChatUp);
        var listed = await userGrain.ListConversationsAsync();
        await handle.UnsubscribeAsync();
        await fixture.Cluster.DeactivateAsync(userGrain);
        await fixture.Cluster.WaitForDeactivationAsync(userGrain);
        var reloaded = await userGrain.ListConversationsAsync();

        listed.Select(c => c.Title).ShouldBe(["first chat", "second chat"]);
        reloaded.Select(c => c.Title).ShouldBe(["first chat", "second chat"], "the order is written when the user grain deactivates");
        before.Select(c => c.Title).ShouldBe(["second chat", "first chat"]);
        moved.OnlyChanged.ShouldBeTrue("a message that only moves a chat publishes that chat, not the whole list");
        moved.Conversations.Select(c => c.Title).ShouldBe(["first chat"]);
        moved.ApplyTo(before).ShouldBe(listed, "a page that applies it shows the user grain's list");
    }

    [Fact]
    public async Task Every_whole_list_is_one_version_up_even_after_deactivation_and_a_moved_chat_carries_the_last()
    {
        var (user, first) = await fixture.NewConversationAsync();
        var userGrain = fixture.Client.GetGrain<IUserGrain>(user.Value);
        await first.SendAsync(user, new SendMessage(MessageId.New(), "first chat"), TestContext.Current.CancellationToken);
        var published = new ConcurrentQueue<ConversationListChanged>();
        var handle = await SubscribeAsync(user, published);

        var second = fixture.Client.GetGrain<IConversationGrain>((await userGrain.StartConversationAsync()).Id.Value);
        await second.SendAsync(user, new SendMessage(MessageId.New(), "second chat"), TestContext.Current.CancellationToken);
        await first.SendAsync(user, new SendMessage(MessageId.New(), "first chat again"), TestContext.Current.CancellationToken);
        await fixture.Cluster.DeactivateAsync(userGrain);
        await fixture.Cluster.WaitForDeactivationAsync(userGrain);
        await userGrain.StartConversationAsync();
        var seen = await Poll.UntilAsync(
            () => Task.FromResult(published.ToList()), p => p.Any(c => c.Conversations.Count == 3), TimeSpan.FromSeconds(30), "the list after the third chat started");
        await handle.UnsubscribeAsync();

        var started = seen.Single(c => !c.OnlyChanged && c.Conversations.Select(s => s.Title).SequenceEqual(["New chat", "first chat"]));
        var titled = seen.Single(c => !c.OnlyChanged && c.Conversations.Select(s => s.Title).SequenceEqual(["second chat", "first chat"]));
        var moved = seen.Single(c => c.OnlyChanged);
        var third = seen.Single(c => c.Conversations.Count == 3);
        started.Version.ShouldBeGreaterThan(0);
        titled.Version.ShouldBe(started.Version + 1);
        (moved.Conversations.Single().Title, moved.Version).ShouldBe(("first chat", titled.Version), "a moved chat goes on from the last whole list");
        third.Version.ShouldBe(titled.Version + 1, "the version is stored with the list");
    }

    [Fact]
    public async Task A_started_chat_is_listed_as_empty_until_its_first_message()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        var userGrain = fixture.Client.GetGrain<IUserGrain>(user.Value);

        var before = (await userGrain.ListConversationsAsync()).Single();
        await conversation.SendAsync(user, new SendMessage(MessageId.New(), "now it has one"), TestContext.Current.CancellationToken);
        var after = (await userGrain.ListConversationsAsync()).Single();

        (before.IsEmpty, before.Title).ShouldBe((true, "New chat"));
        (after.IsEmpty, after.Title).ShouldBe((false, "now it has one"));
    }

    [Fact]
    public async Task Two_tabs_opening_the_app_at_once_get_the_same_new_chat()
    {
        var signIn = await fixture.Client.GetGrain<ISignInGrain>(0).SignInAsync($"tabs-{Guid.NewGuid():N}@example.com", TestNetworks.Unique());
        var userGrain = fixture.Client.GetGrain<IUserGrain>(signIn.User!.Id.Value);

        var opened = await Task.WhenAll(userGrain.FindOrStartNewestAsync(), userGrain.FindOrStartNewestAsync());

        opened[0].Id.ShouldBe(opened[1].Id);
        (await userGrain.ListConversationsAsync()).Count.ShouldBe(1);
    }

    private Task<StreamSubscriptionHandle<ConversationListChanged>> SubscribeAsync(UserId user, ConcurrentQueue<ConversationListChanged> published) =>
        fixture.Client.GetStreamProvider(ConversationStreams.ProviderName)
            .GetStream<ConversationListChanged>(StreamId.Create(UserStreams.Namespace, user.Value))
            .SubscribeAsync((changed, _) =>
            {
                published.Enqueue(changed);
                return Task.CompletedTask;
            });
}
