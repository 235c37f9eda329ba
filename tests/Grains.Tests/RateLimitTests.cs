using System.Text.RegularExpressions;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.TestSupport;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>
/// Floods, refused by the grains with the production defaults (20 messages a minute per user, 5 sign-ins
/// an hour per address, 60 an hour per client network): the refusal says how long to wait, and nothing is stored, asked or sent.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class RateLimitTests(ClusterFixture fixture)
{
    private const int MessagesPerMinute = 20;
    private const int SignInsPerHour = 5;
    private const int SignInsPerNetworkPerHour = 60;

    [Fact]
    public async Task A_user_over_the_message_limit_across_conversations_is_told_to_wait_and_nothing_is_stored()
    {
        var (user, first) = await fixture.NewConversationAsync();
        var second = fixture.Client.GetGrain<IConversationGrain>(
            (await fixture.Client.GetGrain<IUserGrain>(user.Value).StartConversationAsync()).Id.Value);
        var accepted = new List<ChangeResult>();
        for (var i = 0; i < MessagesPerMinute; i++)
        {
            accepted.Add(await (i % 2 == 0 ? first : second).SendAsync(user, new SendMessage(MessageId.New(), $"message {i}"), TestContext.Current.CancellationToken));
        }

        var flood = $"one too many {Guid.NewGuid():N}";
        var refused = await first.SendAsync(user, new SendMessage(MessageId.New(), flood), TestContext.Current.CancellationToken);
        var newest = accepted[MessagesPerMinute - 2].Message!;
        var repeated = await first.SendAsync(user, new SendMessage(newest.Id, newest.Text), TestContext.Current.CancellationToken);
        var empty = await first.SendAsync(user, new SendMessage(MessageId.New(), " "), TestContext.Current.CancellationToken);
        var (otherUser, otherConversation) = await fixture.NewConversationAsync();
        var someoneElse = await otherConversation.SendAsync(otherUser, new SendMessage(MessageId.New(), "not me"), TestContext.Current.CancellationToken);
        var stored = await AllMessagesAsync(first, user);

        accepted.ShouldAllBe(r => r.Outcome == ChangeOutcome.Accepted);
        refused.Outcome.ShouldBe(ChangeOutcome.Rejected);
        refused.Message.ShouldBeNull();
        var wait = TooFast().Match(refused.Error ?? "");
        wait.Success.ShouldBeTrue($"a polite sentence with the wait, got \"{refused.Error}\"");
        int.Parse(wait.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        repeated.Outcome.ShouldBe(ChangeOutcome.Duplicate, "a retried send of a stored message is not a new message");
        empty.Error.ShouldNotBeNull().ShouldContain("empty", customMessage: "a message that would be rejected anyway says why, not 'too fast'");
        someoneElse.Outcome.ShouldBe(ChangeOutcome.Accepted, "the limit is per user");
        stored.Count(m => m.Role == ChatRole.User).ShouldBe(MessagesPerMinute / 2, "the refused message left no trace");
        stored.ShouldNotContain(m => m.Text.Contains(flood, StringComparison.Ordinal));
        fixture.Model.CallsFor(flood).ShouldBe(0);
    }

    [Fact]
    public async Task Retries_and_regenerations_spend_the_message_allowance_and_refused_ones_spend_nothing()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        var failing = $"fail-once: {Guid.NewGuid():N}";
        var sent = await conversation.SendAsync(user, new SendMessage(MessageId.New(), failing), TestContext.Current.CancellationToken);
        await conversation.WaitForSequenceAsync(user, 2);
        var retried = await conversation.RetryReplyAsync(user, sent.Message!.Id);
        await conversation.WaitForSequenceAsync(user, 3);
        var answeredAlready = await conversation.RetryReplyAsync(user, sent.Message.Id);

        // Then a message and its regeneration at a time (the tests' window holds only the newest few
        // messages), until the two above and these have spent the whole allowance.
        var texts = new List<string>();
        var regenerated = new List<ChangeResult>();
        for (var pair = 0; pair < (MessagesPerMinute - 2) / 2; pair++)
        {
            var sequence = 4L + (3 * pair);
            var text = $"asked twice {Guid.NewGuid():N}";
            texts.Add(text);
            (await conversation.SendAsync(user, new SendMessage(MessageId.New(), text), TestContext.Current.CancellationToken)).Outcome.ShouldBe(ChangeOutcome.Accepted);
            await conversation.WaitForSequenceAsync(user, sequence + 1);
            regenerated.Add(await conversation.RegenerateAsync(user));
            await conversation.WaitForSequenceAsync(user, sequence + 2);
        }

        var oneTooMany = await conversation.RegenerateAsync(user);
        var send = await conversation.SendAsync(user, new SendMessage(MessageId.New(), "and a message"), TestContext.Current.CancellationToken);
        var snapshot = await conversation.GetSnapshotAsync(user);

        retried.Outcome.ShouldBe(ChangeOutcome.Accepted);
        answeredAlready.Error.ShouldBe("That message already has a reply.", "a refusal for another reason says why and spends nothing");
        regenerated.Count.ShouldBe((MessagesPerMinute - 2) / 2);
        regenerated.ShouldAllBe(r => r.Outcome == ChangeOutcome.Accepted);
        oneTooMany.Outcome.ShouldBe(ChangeOutcome.Rejected);
        TooManyReplies().IsMatch(oneTooMany.Error ?? "").ShouldBeTrue($"a polite sentence with the wait, got \"{oneTooMany.Error}\"");
        send.Outcome.ShouldBe(ChangeOutcome.Rejected, "messages and replies asked again share one allowance");
        TooFast().IsMatch(send.Error ?? "").ShouldBeTrue(send.Error);
        await Poll.StaysTrueForAsync(() => fixture.Model.CallsFor(failing) + texts.Sum(fixture.Model.CallsFor), n => n <= 2 + (2 * texts.Count), "no model call beyond one a reply");
        fixture.Model.CallsFor(failing).ShouldBe(2, "the failed reply and the retry");
        texts.ShouldAllBe(t => fixture.Model.CallsFor(t) == 2, "each message's reply and its regeneration; the refused one asked nothing");
        snapshot!.QueuedReplies.ShouldBe(0);
        snapshot.Sequence.ShouldBe(3 + (3 * regenerated.Count));
    }

    [Fact]
    public async Task An_address_over_the_sign_in_limit_from_one_network_is_told_to_wait_and_no_email_is_sent()
    {
        var address = $"flood-{Guid.NewGuid():N}@example.com";
        var signIn = fixture.Client.GetGrain<ISignInGrain>(0);
        var network = TestNetworks.Unique();
        var results = new List<SignInResult>();
        for (var i = 0; i < SignInsPerHour + 2; i++)
        {
            results.Add(await signIn.SignInAsync(address, network));
        }

        var otherAddress = await signIn.SignInAsync($"calm-{Guid.NewGuid():N}@example.com", TestNetworks.Unique());
        var mails = await Poll.UntilAsync(
            () => Task.FromResult(fixture.Mail.MessagesTo(address)), m => m.Count >= SignInsPerHour, TimeSpan.FromSeconds(30), "the welcome email and four links");

        results[0].Succeeded.ShouldBeTrue("the first sign-in counts too");
        results.Skip(1).Take(SignInsPerHour - 1).ShouldAllBe(r => r.LinkSent);
        foreach (var refused in results.Skip(SignInsPerHour))
        {
            refused.Succeeded.ShouldBeFalse();
            refused.LinkSent.ShouldBeFalse();
            refused.Error.ShouldNotBeNull().ShouldStartWith("Too many sign-ins with this address in the last hour; try again in 60 minutes");
        }

        otherAddress.Succeeded.ShouldBeTrue("the limit is per address");
        mails.Count.ShouldBe(SignInsPerHour, "one welcome and four links; the refused sign-ins sent nothing");
    }

    [Fact]
    public async Task A_network_over_its_sign_in_limit_is_told_to_wait_whatever_the_address_and_nothing_is_made_or_sent()
    {
        // What a script mailing strangers through us looks like: a new address each time, from one network.
        var network = TestNetworks.Unique();
        var signIn = fixture.Client.GetGrain<ISignInGrain>(0);
        var addresses = Enumerable.Range(0, SignInsPerNetworkPerHour).Select(i => $"stranger-{i}-{Guid.NewGuid():N}@example.com").ToList();
        var allowed = new List<SignInResult>();
        foreach (var address in addresses)
        {
            allowed.Add(await signIn.SignInAsync(address, network));
        }

        var refusedAddress = $"stranger-refused-{Guid.NewGuid():N}@example.com";
        var refused = await signIn.SignInAsync(refusedAddress, network);
        var mistyped = await signIn.SignInAsync("stranger at example.com", network);
        var welcomes = await Poll.UntilAsync(
            () => Task.FromResult(addresses.Count(a => fixture.Mail.MessagesTo(a).Count > 0)),
            count => count == addresses.Count, TimeSpan.FromSeconds(60), "a welcome email to each allowed address");
        var fromElsewhere = await signIn.SignInAsync(refusedAddress, TestNetworks.Unique());

        allowed.ShouldAllBe(r => r.Succeeded, "production's 60 an hour, each a new address");
        refused.Succeeded.ShouldBeFalse();
        refused.LinkSent.ShouldBeFalse();
        refused.Error.ShouldBe("Too many sign-ins from your network in the last hour; try again in 60 minutes.");
        mistyped.Error.ShouldNotBeNull().ShouldNotContain("network", Case.Insensitive, "a bad address is answered as such, whatever the network");
        welcomes.ShouldBe(SignInsPerNetworkPerHour);
        fromElsewhere.Succeeded.ShouldBeTrue("the refused address got no account (so no email either): from another network it signs in at once");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a network name far longer than any IPv4 address or IPv6 /64 could be written")]
    public async Task A_sign_in_without_a_sensible_network_is_a_callers_error_and_makes_nothing(string network)
    {
        var address = $"no-network-{Guid.NewGuid():N}@example.com";
        var signIn = fixture.Client.GetGrain<ISignInGrain>(0);

        var failure = await Should.ThrowAsync<ArgumentException>(() => signIn.SignInAsync(address, network));
        var afterwards = await signIn.SignInAsync(address, TestNetworks.Unique());

        failure.Message.ShouldContain("The client network must be 1 to 64 characters, not blank.");
        afterwards.Succeeded.ShouldBeTrue("the refused call made no account");
    }

    /// <summary>The archive and the recent messages (with a page size of 4, ten quick sends already archive some).</summary>
    private static async Task<List<ChatMessage>> AllMessagesAsync(IConversationGrain conversation, UserId user)
    {
        var snapshot = (await conversation.GetSnapshotAsync(user))!;
        var older = await conversation.GetHistoryAsync(user, snapshot.Messages[0].Sequence, 1_000);
        return [.. older, .. snapshot.Messages];
    }

    [GeneratedRegex(@"^You are sending messages too fast; try again in (\d+) seconds?\.$")]
    private static partial Regex TooFast();

    [GeneratedRegex(@"^You are asking for new replies too fast; try again in \d+ seconds?\.$")]
    private static partial Regex TooManyReplies();
}
