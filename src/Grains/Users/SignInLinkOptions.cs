using System.ComponentModel.DataAnnotations;

namespace ChatbotOrleans.Grains.Users;

/// <summary>Sign-in links and the sign-in rate limit, bound from the "SignIn" configuration section.</summary>
public sealed class SignInLinkOptions
{
    public const string SectionName = "SignIn";

    /// <summary>How long an emailed link works.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Sign-ins with one address per hour at most, counting the first one: each sends an email (welcome
    /// or link) that the address's owner may not want.
    /// </summary>
    [Range(1, 100)]
    public int MaxSignInsPerHour { get; set; } = 5;

    /// <summary>
    /// Sign-ins per hour from one client network (an IPv4 address, an IPv6 /64, as the web tier names it),
    /// counted across the cluster. Each sign-in sends an email, a welcome or a link, to whatever address was
    /// typed, so without it one client could mail anyone through us: the per-address limit does not stop a
    /// script trying new addresses. Generous for offices and carrier NAT behind one address.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxPerNetworkPerHour { get; set; } = 60;
}
