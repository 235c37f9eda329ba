using ChatbotOrleans.ServiceDefaults;
using ChatbotOrleans.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace ChatbotOrleans.Deployment.Tests;

/// <summary>
/// The silo's own host builder (<c>AddSilo</c>) reading a secrets folder, moved from /run/secrets by
/// <c>DockerSecrets:Directory</c>; DockerSecretsProcessTests runs the processes themselves on secrets.
/// </summary>
public sealed class DockerSecretsConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _secrets = Directory.CreateTempSubdirectory("chatbot-secrets-");

    public void Dispose()
    {
        if (_secrets.Exists)
        {
            _secrets.Delete(recursive: true);
        }
    }

    private ConfigurationManager SiloConfiguration(params string[] args)
    {
        var builder = WebApplication.CreateBuilder([$"--{ServiceDefaultsExtensions.DockerSecretsDirectoryKey}={_secrets.FullName}", .. args]);
        builder.AddSilo();
        return builder.Configuration;
    }

    private void WriteSecret(string name, string value) => File.WriteAllText(Path.Combine(_secrets.FullName, name), value);

    [Fact]
    public void A_secret_file_named_with_double_underscores_becomes_a_nested_key()
    {
        WriteSecret("ConnectionStrings__Orleans", "Host=db;Password=s3cret\n");
        WriteSecret("OpenAI__ApiKey", "sk-test");

        var configuration = SiloConfiguration();

        configuration.GetConnectionString("Orleans").ShouldBe("Host=db;Password=s3cret");
        configuration["OpenAI:ApiKey"].ShouldBe("sk-test");
    }

    [Fact]
    public void A_secret_wins_over_the_command_line_and_the_environment()
    {
        WriteSecret("ConnectionStrings__Orleans", "Host=db");
        WriteSecret("Smtp__Password", "from-secret");

        SiloConfiguration("--Smtp:Password=from-command-line")["Smtp:Password"].ShouldBe("from-secret");
    }

    [Fact]
    public void A_missing_secrets_folder_is_fine()
    {
        _secrets.Delete(recursive: true);

        SiloConfiguration("--ConnectionStrings:Orleans=Host=db", "--Smtp:Password=from-command-line")["Smtp:Password"].ShouldBe("from-command-line");
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
