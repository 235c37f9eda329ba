using ChatbotOrleans.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace ChatbotOrleans.Deployment.Tests;

public sealed class DockerSecretsConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _secrets = Directory.CreateTempSubdirectory("chatbot-secrets-");

    public void Dispose() => _secrets.Delete(recursive: true);

    private IConfigurationRoot Build(Dictionary<string, string?> environment) =>
        new ConfigurationBuilder().AddInMemoryCollection(environment).AddDockerSecrets(_secrets.FullName).Build();

    [Fact]
    public void A_secret_file_named_with_double_underscores_becomes_a_nested_key()
    {
        File.WriteAllText(Path.Combine(_secrets.FullName, "ConnectionStrings__Orleans"), "Host=db;Password=s3cret\n");
        File.WriteAllText(Path.Combine(_secrets.FullName, "OpenAI__ApiKey"), "sk-test");

        var configuration = Build([]);

        configuration.GetConnectionString("Orleans").ShouldBe("Host=db;Password=s3cret");
        configuration["OpenAI:ApiKey"].ShouldBe("sk-test");
    }

    [Fact]
    public void A_secret_wins_over_an_environment_variable()
    {
        File.WriteAllText(Path.Combine(_secrets.FullName, "Smtp__Password"), "from-secret");

        Build(new() { ["Smtp:Password"] = "from-env" })["Smtp:Password"].ShouldBe("from-secret");
    }

    [Fact]
    public void A_missing_secrets_folder_is_fine()
    {
        _secrets.Delete(recursive: true);
        Build(new() { ["Smtp:Password"] = "from-env" })["Smtp:Password"].ShouldBe("from-env");
        _secrets.Create();
    }

    [Fact]
    public void Shutdown_timeout_defaults_to_30_seconds_and_reads_a_time_span()
    {
        var empty = new ConfigurationBuilder().Build();
        ServiceDefaultsExtensions.ReadShutdownTimeout(empty).ShouldBe(TimeSpan.FromSeconds(30));

        var configured = new ConfigurationBuilder().AddInMemoryCollection([new("Shutdown:Timeout", "00:00:45")]).Build();
        ServiceDefaultsExtensions.ReadShutdownTimeout(configured).ShouldBe(TimeSpan.FromSeconds(45));
    }

    [Fact]
    public void A_bad_shutdown_timeout_is_a_configuration_error_with_a_clear_message()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Shutdown:Timeout", "soon")]).Build();
        Should.Throw<ConfigurationException>(() => ServiceDefaultsExtensions.ReadShutdownTimeout(configuration))
            .Message.ShouldContain("Shutdown:Timeout");
    }
}
