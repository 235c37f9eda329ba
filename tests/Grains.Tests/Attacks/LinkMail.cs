using ChatbotOrleans.TestSupport;

namespace ChatbotOrleans.Grains.Tests.Attacks;

/// <summary>What a mailbox owner can do: read the newest sign-in link sent to their address.</summary>
internal static class LinkMail
{
    /// <summary>Waits for the <paramref name="count"/>-th email to the address and returns the token of its link.</summary>
    public static async Task<string> TokenOfEmailAsync(this ClusterFixture fixture, string address, int count)
    {
        var mail = await Poll.UntilAsync(
            () => Task.FromResult(fixture.Mail.MessagesTo(address)), m => m.Count >= count, TimeSpan.FromSeconds(30), $"email {count} to {address}");
        return MailAssertions.SignInToken(mail[count - 1].TextBody);
    }
}
