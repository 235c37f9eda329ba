using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace ChatbotOrleans.Frontend.Hosting;

/// <summary>
/// Encrypts the data-protection key ring at rest with a certificate: the keys sit in PostgreSQL, and whoever
/// reads them unencrypted can forge any user's auth cookie. The certificate and its private key come as PEM
/// text from <c>DataProtection:Certificate</c>, in production a Docker secret file named
/// <c>DataProtection__Certificate</c>. Required outside Development.
/// </summary>
internal static class KeyRingProtection
{
    public const string Setting = "DataProtection:Certificate";

    private const string Help =
        "the PEM text of a certificate and its RSA private key that encrypts the data-protection key ring, e.g. from a Docker secret "
        + "file named DataProtection__Certificate (openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj /CN=chatbot-keys "
        + "-keyout key.pem -out cert.pem; cat cert.pem key.pem).";

    /// <summary>Protects the key ring with the configured certificate.</summary>
    /// <returns>Why the configuration cannot be used, in one sentence, or <c>null</c> when it is fine.</returns>
    public static string? Apply(IDataProtectionBuilder dataProtection, string? pem, bool isDevelopment)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            return isDevelopment ? null : $"{Setting} is required outside Development (environment variable DataProtection__Certificate): {Help}";
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(pem, pem);
        }
        catch (CryptographicException exception)
        {
            return $"{Setting} is not a PEM certificate with its private key ({exception.Message}); it must hold {Help}";
        }

        if (certificate.GetRSAPrivateKey() is null)
        {
            return $"{Setting} holds no RSA private key; it must hold {Help}";
        }

        dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        return null;
    }
}
