using System.Globalization;
using ChatbotOrleans.LocalRun;

namespace ChatbotOrleans.AppHost;

/// <summary>
/// Where the Aspire dashboard listens, on loopback only and without sign-in (it is this machine's developer's),
/// and no telemetry or version check leaving the machine. Set as variables before the AppHost reads them, as a
/// launch profile would.
/// </summary>
public static class DashboardSettings
{
    /// <summary>Sets the variables and returns the dashboard's address.</summary>
    public static Uri Apply()
    {
        var dashboardPort = FreePort.Prefer(18888);
        Set("ASPNETCORE_URLS", $"http://localhost:{dashboardPort}");
        Set("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", $"http://localhost:{FreePort.Prefer(18889)}");
        Set("ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL", $"http://localhost:{FreePort.Prefer(18890)}");
        Set("ASPIRE_ALLOW_UNSECURED_TRANSPORT", "true");
        Set("ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS", "true");
        Set("ASPIRE_DASHBOARD_TELEMETRY_OPTOUT", "true");
        Set("ASPIRE_VERSION_CHECK_DISABLED", "true");
        Set("DOTNET_CLI_TELEMETRY_OPTOUT", "1");
        Set("DOTNET_ENVIRONMENT", "Development");
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"http://localhost:{dashboardPort}/"));
    }

    private static void Set(string name, string value) => Environment.SetEnvironmentVariable(name, value);
}
