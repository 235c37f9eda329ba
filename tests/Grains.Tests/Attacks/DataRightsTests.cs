using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.TestSupport;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests.Attacks;

/// <summary>A user's data rights: everything they stored can be taken out, and an account can be deleted without a trace.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DataRightsTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_deleted_account_leaves_no_row_of_its_user_in_any_table()
    {
        var (address, user, conversations, token) = await ActiveUserAsync();
        var ids = conversations.Select(c => c.Value).Append(user.Value).ToArray();
        var before = await UserRows.CountPerTableAsync(fixture.ConnectionString, address, ids);
        var replies = (await fixture.Client.GetGrain<IUserGrain>(user.Value).ExportAsync())!.Usage!.Select(u => u.Reply.Value).ToArray();

        await fixture.Client.GetGrain<IUserGrain>(user.Value).DeleteAccountAsync();
        var after = await UserRows.CountPerTableAsync(fixture.ConnectionString, address, ids);
        var profile = await fixture.Client.GetGrain<IUserGrain>(user.Value).GetProfileAsync();
        var link = await fixture.Client.GetGrain<ISignInGrain>(0).RedeemLinkAsync(token);

        before["orleansstorage"].ShouldBeGreaterThanOrEqualTo(7, "user, presets, account, two conversations, link, emails: " + Describe(before));
        before["conversation_messages"].ShouldBeGreaterThanOrEqualTo(4, Describe(before));
        before["orleansreminderstable"].ShouldBeGreaterThanOrEqualTo(2, "each conversation's housekeeping: " + Describe(before));
        before["reply_usage"].ShouldBe(2, "one usage row per reply: " + Describe(before));
        after.Where(t => t.Value > 0 && !t.Key.Contains(UserRows.StreamBookkeeping, StringComparison.OrdinalIgnoreCase))
            .ShouldBeEmpty("rows left after deleting the account: " + Describe(after));
        profile.ShouldBeNull("every session ends: the cookie check finds no user");
        link.Succeeded.ShouldBeFalse("a link sent before the deletion signs in nobody");

        // The operator's totals and the global budget keep the tokens: the rows stay, naming no user and no chat.
        (await StoredRows.AnonymousUsageAsync(fixture.ConnectionString, replies, TestContext.Current.CancellationToken)).ShouldBe(2);
    }

    [Fact]
    public async Task A_deleted_chat_leaves_no_state_row_and_no_message()
    {
        var (address, user, conversations, _) = await ActiveUserAsync();
        var before = await UserRows.CountPerTableAsync(fixture.ConnectionString, "never-" + address, conversations[0].Value);

        (await fixture.Client.GetGrain<IConversationGrain>(conversations[0].Value).DeleteAsync(user)).Succeeded.ShouldBeTrue();
        var after = await UserRows.CountPerTableAsync(fixture.ConnectionString, "never-" + address, conversations[0].Value);

        before["orleansstorage"].ShouldBeGreaterThan(0, "the conversation's own state row, found by its key, and its place in the user's list: " + Describe(before));
        before["conversation_messages"].ShouldBe(2);
        after.Where(t => t.Value > 0 && !t.Key.Contains(UserRows.StreamBookkeeping, StringComparison.OrdinalIgnoreCase))
            .ShouldBeEmpty("rows left of the deleted chat: " + Describe(after));
    }

    [Fact]
    public async Task The_export_holds_the_account_and_every_message_of_every_chat()
    {
        var (address, user, conversations, _) = await ActiveUserAsync();

        var export = (await fixture.Client.GetGrain<IUserGrain>(user.Value).ExportAsync()).ShouldNotBeNull();

        export.Profile.Email.ShouldBe(address);
        export.Profile.Id.ShouldBe(user);
        export.Conversations.Select(c => c.Summary.Id).ShouldBe(conversations, ignoreOrder: true);
        export.Conversations.ShouldAllBe(c => c.Messages.Count == 2);
        export.Conversations.SelectMany(c => c.Messages).Where(m => m.Role == ChatRole.User).Select(m => m.Text)
            .ShouldBe(["first chat", "second chat"], ignoreOrder: true);
        export.Conversations.Select(c => c.Settings!.Instructions).ShouldBe(["Instructions of the first chat", "Instructions of the second chat"], ignoreOrder: true);
        export.Presets.ShouldBe([new ChatPreset("Mine", "My own instructions.")]);
    }

    [Fact]
    public async Task The_export_holds_the_usage_of_each_of_the_users_replies_and_never_another_users()
    {
        var (_, user, conversations, _) = await ActiveUserAsync();
        var (_, other, othersConversations, _) = await ActiveUserAsync();

        var export = (await fixture.Client.GetGrain<IUserGrain>(user.Value).ExportAsync()).ShouldNotBeNull();
        var othersExport = (await fixture.Client.GetGrain<IUserGrain>(other.Value).ExportAsync()).ShouldNotBeNull();

        var replies = export.Conversations.SelectMany(c => c.Messages).Where(m => m.Role == ChatRole.Assistant).ToList();
        var usage = export.Usage.ShouldNotBeNull();
        usage.Select(u => (u.Reply, u.Conversation!.Value, u.Model)).ShouldBe(
            replies.Select(r => (r.Id, export.Conversations.Single(c => c.Messages.Contains(r)).Summary.Id, r.Model!)), ignoreOrder: true);
        usage.ShouldAllBe(u => u.Usage.InputTokens > 0 && u.Usage.OutputTokens > 0 && u.Cost == null);
        usage.Select(u => u.At).ShouldBeInOrder();
        othersExport.Usage.ShouldNotBeNull().Count.ShouldBe(2);
        usage.Select(u => u.Reply).ShouldNotContain(r => othersExport.Usage!.Any(o => o.Reply == r));
        usage.Select(u => u.Conversation!.Value).ShouldNotContain(c => othersConversations.Contains(c));
    }

    [Fact]
    public async Task A_sent_sign_in_link_does_not_stay_readable_in_the_outbox()
    {
        var (address, _, _, token) = await ActiveUserAsync();

        // The outbox records the sending just after the server took the email.
        await Poll.UntilAsync(
            () => UserRows.CountPerTableAsync(fixture.ConnectionString, token),
            rows => rows.Values.Sum() == 0,
            TimeSpan.FromSeconds(10),
            $"no stored row to hold the token of the link sent to {address}");
    }

    /// <summary>A user with two chats of one exchange each (with instructions), a preset, a sent welcome email and a sent link email.</summary>
    private async Task<(string Address, UserId User, List<ConversationId> Conversations, string Token)> ActiveUserAsync()
    {
        var address = $"rights-{Guid.NewGuid():N}@example.com";
        var signIn = fixture.Client.GetGrain<ISignInGrain>(0);
        var user = (await signIn.SignInAsync(address, TestNetworks.Unique())).User!.Id;
        await signIn.SignInAsync(address, TestNetworks.Unique());
        var token = await fixture.TokenOfEmailAsync(address, 2);
        var conversations = new List<ConversationId>();

        // The usage row is stored just after the reply: waited for, so the export and the deletion find both.
        foreach (var text in new[] { "first chat", "second chat" })
        {
            var summary = await fixture.Client.GetGrain<IUserGrain>(user.Value).StartConversationAsync();
            var conversation = fixture.Client.GetGrain<IConversationGrain>(summary.Id.Value);
            await conversation.ConfigureAsync(user, new ConversationSetup(null, "Instructions of the " + text));
            await conversation.SendAsync(user, new SendMessage(MessageId.New(), text));
            await conversation.WaitForSequenceAsync(user, 2);
            conversations.Add(summary.Id);
        }

        await Poll.UntilAsync(
            () => StoredRows.UsageOfAsync(fixture.ConnectionString, user, TestContext.Current.CancellationToken),
            rows => rows == 2,
            TimeSpan.FromSeconds(10),
            "a usage row for each reply");

        (await fixture.Client.GetGrain<IUserPresetsGrain>(user.Value).SaveAsync(new ChatPreset("Mine", "My own instructions."))).Succeeded.ShouldBeTrue();
        return (address, user, conversations, token);
    }

    private static string Describe(IReadOnlyDictionary<string, long> counts) => string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"));
}
