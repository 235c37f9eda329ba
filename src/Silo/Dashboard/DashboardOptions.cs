namespace ChatbotOrleans.Silo.Dashboard;

/// <summary>Who may open the Orleans Dashboard, bound from the "Dashboard" section.</summary>
public sealed class DashboardAccessOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>Required outside Development, with no default: a guesser must find the name too.</summary>
    public string? Username { get; set; }

    /// <summary>Required outside Development; without it (or the user name) the dashboard answers 403 there.</summary>
    public string? Password { get; set; }
}
