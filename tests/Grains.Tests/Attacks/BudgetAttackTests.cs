using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.TestSupport;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests.Attacks;

/// <summary>
/// One person with many accounts against the shared budgets (<see cref="BudgetClusterFixture"/>'s small ones):
/// making accounts from one network, then from many, and sending from all of them. Each refusal says how long.
/// </summary>
[Collection(BudgetCollection.Name)]
public sealed class BudgetAttackTests(BudgetClusterFixture fixture)
{
    private const string Wait = @"try again in \d+ (second|minute)s?\.$";

    private ISignInGrain SignIn => fixture.Client.GetGrain<ISignInGrain>(0);

    [Fact]
    public async Task Many_accounts_from_one_network_and_then_from_many_do_not_multiply_the_message_budget()
    {
        // New accounts from one network, until its budget refuses.
        var network = TestNetworks.Unique();
        var accounts = new List<SignInResult>();
        for (var i = 0; i <= BudgetClusterFixture.NewAccountsPerNetwork; i++)
        {
            accounts.Add(await SignIn.SignInAsync($"script-{i}-{Guid.NewGuid():N}@example.com", network));
        }

        accounts.Take(BudgetClusterFixture.NewAccountsPerNetwork).ShouldAllBe(r => r.Succeeded);
        accounts[^1].Error.ShouldNotBeNull().ShouldMatch("^Too many new accounts were made from your network in the last hour; " + Wait);

        // Their messages share the network's budget, whichever account sends.
        var accepted = 0;
        string? refusal = null;
        foreach (var account in accounts.Where(a => a.Succeeded))
        {
            var (sent, refused) = await SendUntilRefusedAsync(account.User!.Id, 20);
            accepted += sent;
            refusal ??= refused;
        }

        accepted.ShouldBe(BudgetClusterFixture.MessagesPerNetwork, "three accounts, one network allowance");
        refusal.ShouldNotBeNull().ShouldMatch("^Too many messages from accounts of your network this minute; " + Wait);

        // Accounts from other networks: the service-wide budgets stop them too.
        var elsewhere = (await SignIn.SignInAsync($"elsewhere-{Guid.NewGuid():N}@example.com", TestNetworks.Unique())).User!.Id;
        var (more, _) = await SendUntilRefusedAsync(elsewhere, BudgetClusterFixture.Messages - BudgetClusterFixture.MessagesPerNetwork);
        var lastOne = (await SignIn.SignInAsync($"last-{Guid.NewGuid():N}@example.com", TestNetworks.Unique())).User!.Id;
        var (none, busy) = await SendUntilRefusedAsync(lastOne, 1);

        more.ShouldBe(BudgetClusterFixture.Messages - BudgetClusterFixture.MessagesPerNetwork);
        none.ShouldBe(0);
        busy.ShouldNotBeNull().ShouldMatch("^The bot is busy with too many messages right now; " + Wait);

        var overall = new List<SignInResult>();
        for (var i = 0; i < BudgetClusterFixture.NewAccounts && overall.TrueForAll(r => r.Succeeded); i++)
        {
            overall.Add(await SignIn.SignInAsync($"wide-{i}-{Guid.NewGuid():N}@example.com", TestNetworks.Unique()));
        }

        overall[^1].Error.ShouldNotBeNull().ShouldMatch("^We are taking too many new accounts right now; " + Wait);
    }

    [Fact]
    public async Task A_user_cannot_pile_up_conversations_or_start_them_faster_than_allowed()
    {
        var user = fixture.Users[0];
        var grain = fixture.Client.GetGrain<IUserGrain>(user.Value);
        var started = new List<StartConversationResult>();
        for (var i = 0; i <= BudgetClusterFixture.ConversationsPerUser; i++)
        {
            started.Add(await grain.TryStartConversationAsync());
        }

        (await fixture.Client.GetGrain<IConversationGrain>(started[0].Conversation!.Id.Value).DeleteAsync(user)).Succeeded.ShouldBeTrue();
        var afterDeleting = await grain.TryStartConversationAsync();
        (await fixture.Client.GetGrain<IConversationGrain>(started[1].Conversation!.Id.Value).DeleteAsync(user)).Succeeded.ShouldBeTrue();
        var tooFast = await grain.TryStartConversationAsync();
        var thrown = await Should.ThrowAsync<Exception>(() => grain.StartConversationAsync());

        started.Take(BudgetClusterFixture.ConversationsPerUser).ShouldAllBe(r => r.Conversation != null);
        started[^1].Error.ShouldBe($"You have {BudgetClusterFixture.ConversationsPerUser} chats, the most you can keep. Delete one to start another.");
        afterDeleting.Conversation.ShouldNotBeNull("deleting one makes room");
        tooFast.Error.ShouldNotBeNull().ShouldMatch("^You are starting chats too fast; " + Wait);
        thrown.Message.ShouldContain("too fast");
        (await grain.ListConversationsAsync()).Count.ShouldBe(BudgetClusterFixture.ConversationsPerUser - 1);
    }

    private async Task<(int Accepted, string? Refusal)> SendUntilRefusedAsync(UserId user, int atMost)
    {
        var conversation = fixture.Client.GetGrain<IConversationGrain>(
            (await fixture.Client.GetGrain<IUserGrain>(user.Value).StartConversationAsync()).Id.Value);
        for (var i = 0; i < atMost; i++)
        {
            var result = await conversation.SendAsync(user, new SendMessage(MessageId.New(), $"budget {i}"));
            if (result.Outcome != ChangeOutcome.Accepted)
            {
                return (i, result.Error);
            }
        }

        return (atMost, null);
    }
}
