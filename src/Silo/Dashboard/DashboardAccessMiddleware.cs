using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Silo.Dashboard;

/// <summary>
/// HTTP Basic authentication in front of the dashboard, which has none of its own. In Development
/// with no password configured it stays open on this machine; elsewhere it needs the user name and the
/// password, and a client that keeps guessing is refused for a while (<see cref="DashboardLockout"/>).
/// </summary>
internal sealed class DashboardAccessMiddleware(
    RequestDelegate next, IOptions<DashboardAccessOptions> options, IHostEnvironment environment, DashboardLockout lockout)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var access = options.Value;
        if (string.IsNullOrEmpty(access.Password) || string.IsNullOrEmpty(access.Username))
        {
            if (environment.IsDevelopment())
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("The dashboard is disabled: set Dashboard__Username and Dashboard__Password to enable it.");
            return;
        }

        var client = context.Connection.RemoteIpAddress;
        if (lockout.WaitFor(client) is { } wait)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await context.Response.WriteAsync($"Too many wrong passwords from your address; try again in {(int)Math.Ceiling(wait.TotalMinutes)} minutes.");
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (IsAuthorized(header, access))
        {
            await next(context);
            return;
        }

        // A browser's first request carries no credentials yet: only a wrong guess counts.
        if (header.Length > 0)
        {
            lockout.RecordFailure(client);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"Orleans Dashboard\", charset=\"UTF-8\"";
    }

    private static bool IsAuthorized(string header, DashboardAccessOptions access)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || value.Parameter is null)
        {
            return false;
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        var userOk = FixedTimeEquals(credentials[..colon], access.Username!);
        var passwordOk = FixedTimeEquals(credentials[(colon + 1)..], access.Password!);
        return userOk & passwordOk;
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}
