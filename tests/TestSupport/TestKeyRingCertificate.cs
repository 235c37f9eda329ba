using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChatbotOrleans.TestSupport;

/// <summary>
/// The certificate that encrypts the frontends' data-protection key ring in tests, as PEM text with its private
/// key (what production reads from the DataProtection__Certificate secret). One per test process.
/// </summary>
public static class TestKeyRingCertificate
{
    private static readonly Lazy<string> Created = new(Create);

    public static string Pem => Created.Value;

    private static string Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=chatbot-test-keys", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem();
    }
}
