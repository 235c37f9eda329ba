namespace ChatbotOrleans.Silo.Dashboard;

/// <summary>Who may open the Orleans Dashboard, bound from the "Dashboard" section.</summary>
public sealed class DashboardAccessOptions
{
    public const string SectionName = "Dashboard";

    public string Username { get; set; } = "admin";

    /// <summary>Required outside Development; without it the dashboard answers 403 there.</summary>
    public string? Password { get; set; }
}
