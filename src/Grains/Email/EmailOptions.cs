using System.ComponentModel.DataAnnotations;

namespace ChatbotOrleans.Grains.Email;

/// <summary>How the outbox retries, bound from the "Email" configuration section.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>Wait after the first failed attempt; doubled after each further one.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest wait between two attempts. Also the period of the retry reminder, so it must not be
    /// shorter than Orleans' minimum reminder period (one minute by default).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Attempts in all (the first one included) before the email is marked failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>
    /// The address of the web app, for the links in emails. Required outside Development, where a localhost
    /// address is refused: links to it reach nobody's app.
    /// </summary>
    public string PublicUrl { get; set; } = "";
}
