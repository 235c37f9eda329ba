using System.Text.RegularExpressions;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.TestSupport;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>
/// Floods, refused by the grains with the production defaults (20 messages a minute per user, 5 sign-ins
/// an hour per address): the refusal says how long to wait, and nothing is stored, asked or sent.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class RateLimitTests(ClusterFixture fixture)
{
    private const int MessagesPerMinute = 20;
    private const int SignInsPerHour = 5;

    [Fact]
    public async Task A_user_over_the_message_limit_across_conversations_is_told_to_wait_and_nothing_is_stored()
    {
        var (user, first) = await fixture.NewConversationAsync();
        var second = fixture.Client.GetGrain<IConversationGrain>(
            (await fixture.Client.GetGrain<IUserGrain>(user.Value).StartConversationAsync()).Id.Value);
        var accepted = new List<SendResult>();
        for (var i = 0; i < MessagesPerMinute; i++)
        {
            accepted.Add(await (i % 2 == 0 ? first : second).SendAsync(user, new SendMessage(MessageId.New(), $"message {i}")));
        }

        var flood = $"one too many {Guid.NewGuid():N}";
        var refused = await first.SendAsync(user, new SendMessage(MessageId.New(), flood));
        var newest = accepted[MessagesPerMinute - 2].Message!;
        var repeated = await first.SendAsync(user, new SendMessage(newest.Id, newest.Text));
        var empty = await first.SendAsync(user, new SendMessage(MessageId.New(), " "));
        var (otherUser, otherConversation) = await fixture.NewConversationAsync();
        var someoneElse = await otherConversation.SendAsync(otherUser, new SendMessage(MessageId.New(), "not me"));
        var stored = await AllMessagesAsync(first, user);

        accepted.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted);
        refused.Outcome.ShouldBe(SendOutcome.Rejected);
        refused.Message.ShouldBeNull();
        var wait = TooFast().Match(refused.Error ?? "");
        wait.Success.ShouldBeTrue($"a polite sentence with the wait, got \"{refused.Error}\"");
        int.Parse(wait.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        repeated.Outcome.ShouldBe(SendOutcome.Duplicate, "a retried send of a stored message is not a new message");
        empty.Error.ShouldNotBeNull().ShouldContain("empty", customMessage: "a message that would be rejected anyway says why, not 'too fast'");
        someoneElse.Outcome.ShouldBe(SendOutcome.Accepted, "the limit is per user");
        stored.Count(m => m.Role == ChatRole.User).ShouldBe(MessagesPerMinute / 2, "the refused message left no trace");
        stored.ShouldNotContain(m => m.Text.Contains(flood, StringComparison.Ordinal));
        fixture.Model.CallsFor(flood).ShouldBe(0);
    }

    [Fact]
    public async Task An_address_over_the_sign_in_limit_is_told_to_wait_and_no_email_is_sent()
    {
        var address = $"flood-{Guid.NewGuid():N}@example.com";
        var signIn = fixture.Client.GetGrain<ISignInGrain>(0);
        var results = new List<SignInResult>();
        for (var i = 0; i < SignInsPerHour + 2; i++)
        {
            results.Add(await signIn.SignInAsync(address));
        }

        var otherAddress = await signIn.SignInAsync($"calm-{Guid.NewGuid():N}@example.com");
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

    /// <summary>The archive and the recent messages (with a page size of 4, ten quick sends already archive some).</summary>
    private static async Task<List<ChatMessage>> AllMessagesAsync(IConversationGrain conversation, UserId user)
    {
        var snapshot = (await conversation.GetSnapshotAsync(user))!;
        var older = await conversation.GetHistoryAsync(user, snapshot.Messages[0].Sequence, 1_000);
        return [.. older, .. snapshot.Messages];
    }

    [GeneratedRegex(@"^You are sending messages too fast; try again in (\d+) seconds?\.$")]
    private static partial Regex TooFast();
}
