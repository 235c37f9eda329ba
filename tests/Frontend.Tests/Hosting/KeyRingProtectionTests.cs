using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using ChatbotOrleans.Frontend.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Hosting;

public sealed class KeyRingProtectionTests
{
    [Fact]
    public void Outside_Development_a_frontend_without_a_key_ring_certificate_is_refused_with_what_to_set()
    {
        var error = KeyRingProtection.Apply(new ServiceCollection().AddDataProtection(), pem: null, isDevelopment: false);

        error.ShouldNotBeNull().ShouldStartWith("DataProtection:Certificate is required outside Development (environment variable DataProtection__Certificate)");
    }

    [Fact]
    public void In_Development_the_key_ring_may_stay_unencrypted()
    {
        KeyRingProtection.Apply(new ServiceCollection().AddDataProtection(), pem: " ", isDevelopment: true).ShouldBeNull();
    }

    [Fact]
    public void A_certificate_without_its_private_key_is_refused()
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=t", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        var error = KeyRingProtection.Apply(new ServiceCollection().AddDataProtection(), certificate.ExportCertificatePem(), isDevelopment: false);

        error.ShouldNotBeNull().ShouldContain("DataProtection:Certificate");
    }

    [Fact]
    public void With_a_certificate_and_its_key_the_stored_key_ring_holds_no_key_in_the_clear()
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=t", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var pem = certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem();
        var services = new ServiceCollection();
        var stored = new Stored();
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = stored);

        var error = KeyRingProtection.Apply(services.AddDataProtection(), pem, isDevelopment: false);
        using var provider = services.BuildServiceProvider();
        var protector = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var roundTrip = protector.Unprotect(protector.Protect("secret"));

        error.ShouldBeNull();
        roundTrip.ShouldBe("secret");
        var xml = stored.GetAllElements().ShouldHaveSingleItem().ToString();
        xml.ShouldContain("EncryptedData");
        xml.ShouldNotContain("<masterKey", customMessage: "the key's secret is not stored in the clear");
    }

    private sealed class Stored : IXmlRepository
    {
        private readonly List<XElement> _elements = [];

        public IReadOnlyCollection<XElement> GetAllElements() => [.. _elements];

        public void StoreElement(XElement element, string friendlyName) => _elements.Add(element);
    }
}
