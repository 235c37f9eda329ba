using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ChatbotOrleans.Integration.Tests;

/// <summary>
/// Makes auth cookies the way the frontend does (cookie scheme "Cookies", application name
/// "ChatbotOrleans"), either with the frontend's own key ring read from PostgreSQL (which takes the
/// certificate that encrypts it there), or with a key ring of its own that the frontend has never seen: a
/// forgery by someone without the keys.
/// </summary>
internal static class KeyRingTickets
{
    private const string ApplicationName = "ChatbotOrleans";

    // Without the key ring's certificate: what a reader of the database alone can do.
    public static string WithFrontendKeys(string connectionString, X509Certificate2? certificate, Guid userId, string email, Guid stamp, DateTimeOffset expiresAt) =>
        Protect(
            b =>
            {
                b.Services.Configure<KeyManagementOptions>(o => o.XmlRepository = new ReadOnlyKeys(connectionString));
                if (certificate is not null)
                {
                    b.UnprotectKeysWithAnyCertificate(certificate);
                }
            },
            userId, email, stamp, expiresAt);

    public static string WithForeignKeys(Guid userId, string email, Guid stamp) =>
        Protect(b => b.UseEphemeralDataProtectionProvider(), userId, email, stamp, DateTimeOffset.UtcNow.AddDays(1));

    private static string Protect(Action<IDataProtectionBuilder> keys, Guid userId, string email, Guid stamp, DateTimeOffset expiresAt)
    {
        var services = new ServiceCollection();
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName).DisableAutomaticKeyGeneration();
        keys(builder);
        using var provider = services.BuildServiceProvider();
        var protector = provider.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Cookies", "v2");
        Claim[] claims = [new(ClaimTypes.NameIdentifier, userId.ToString("N")), new(ClaimTypes.Email, email), new("chatbot:session", stamp.ToString("N"))];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "Cookies", ClaimTypes.Email, ClaimTypes.Role));
        var properties = new AuthenticationProperties { IssuedUtc = expiresAt.AddDays(-14), ExpiresUtc = expiresAt, IsPersistent = true };
        return new TicketDataFormat(protector).Protect(new AuthenticationTicket(principal, properties, "Cookies"));
    }

    private sealed class ReadOnlyKeys(string connectionString) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY id", connection);
            using var reader = command.ExecuteReader();
            var keys = new List<XElement>();
            while (reader.Read())
            {
                keys.Add(XElement.Parse(reader.GetString(0)));
            }

            return keys;
        }

        public void StoreElement(XElement element, string friendlyName) =>
            throw new InvalidOperationException("The test must not add keys to the frontend's key ring.");
    }
}
