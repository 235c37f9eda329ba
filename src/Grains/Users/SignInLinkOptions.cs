using System.ComponentModel.DataAnnotations;

namespace ChatbotOrleans.Grains.Users;

/// <summary>Sign-in links, bound from the "SignIn" configuration section.</summary>
public sealed class SignInLinkOptions
{
    public const string SectionName = "SignIn";

    /// <summary>How long an emailed link works.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Links sent to one address per hour at most (each is an email someone may not want).</summary>
    [Range(1, 100)]
    public int MaxLinksPerHour { get; set; } = 5;
}
