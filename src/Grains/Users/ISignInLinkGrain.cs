using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Users;

/// <summary>One emailed sign-in link, keyed by the hash of its token (see <see cref="SignInLinkToken"/>).</summary>
[Alias("ISignInLinkGrain")]
public interface ISignInLinkGrain : IGrainWithGuidKey
{
    /// <summary>Makes the link valid for <paramref name="user"/> until <paramref name="expiresAt"/>.</summary>
    Task IssueAsync(UserId user, DateTimeOffset expiresAt);

    /// <summary>Uses the link up and returns its user, or a sentence saying why it does not work.</summary>
    Task<SignInLinkOutcome> RedeemAsync();

    /// <summary>Deletes the link (expired, or its account deleted).</summary>
    Task ForgetAsync();
}
