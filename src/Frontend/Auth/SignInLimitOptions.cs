using System.ComponentModel.DataAnnotations;

namespace ChatbotOrleans.Frontend.Auth;

/// <summary>How many sign-ins one network may ask for (configuration section <c>SignIn</c>).</summary>
internal sealed class SignInLimitOptions
{
    public const string SectionName = "SignIn";

    /// <summary>
    /// Sign-ins per hour from one network (an IPv4 address, an IPv6 /64): each sends an email, a welcome or a
    /// link, to whatever address was typed, so without it one client could mail anyone through us. The
    /// per-address limit (5 an hour, in the account grain) does not stop a script trying new addresses.
    /// Generous for offices and carrier NAT behind one address; counted per frontend replica.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "SignIn:MaxPerNetworkPerHour must be between 1 and 1000000.")]
    public int MaxPerNetworkPerHour { get; set; } = 60;
}
