using System.ComponentModel.DataAnnotations;

namespace ChatbotOrleans.Frontend.Auth;

/// <summary>Sessions, bound from the "Sessions" configuration section.</summary>
internal sealed class SessionCheckOptions
{
    public const string SectionName = "Sessions";

    /// <summary>How often an open page checks that its session has not ended: at most this late it goes to sign-in.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(5);
}
