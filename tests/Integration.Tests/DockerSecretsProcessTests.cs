using ChatbotOrleans.TestSupport;
using Shouldly;

namespace ChatbotOrleans.Integration.Tests;

/// <summary>
/// The processes as a container runs them: the database's connection string only in a secret file, the environment
/// holding a wrong one (a secret wins), so each command and host works only if it reads the secrets folder.
/// </summary>
public sealed class DockerSecretsProcessTests(PostgresServerFixture postgres) : IDisposable
{
    private const string WrongConnection = "Host=127.0.0.1;Port=9;Database=not_this_one;Timeout=3";
    private readonly DirectoryInfo _secrets = Directory.CreateTempSubdirectory("chatbot-secrets-");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _secrets.Delete(recursive: true);

    [Fact]
    public async Task Migrate_the_silo_the_frontend_and_mail_undelivered_read_the_connection_string_from_a_secret()
    {
        await using var topology = await AppTopology.CreateAsync(postgres, Token);
        await File.WriteAllTextAsync(Path.Combine(_secrets.FullName, "ConnectionStrings__Orleans"), topology.ConnectionString + "\n", Token);
        var fromSecrets = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Orleans"] = WrongConnection,
            ["DockerSecrets__Directory"] = _secrets.FullName,
        };

        var (migrated, migrateOutput) = await topology.RunSiloCommandAsync(fromSecrets, ["migrate"], Token);
        migrated.ShouldBe(0, migrateOutput);
        migrateOutput.ShouldContain("Applied");

        await topology.StartSiloAsync(Token, fromSecrets);
        var web = await topology.StartFrontendAsync(Token, fromSecrets);
        using var http = new HttpClient();
        (await http.GetAsync(new Uri(web, "health/ready"), Token)).IsSuccessStatusCode.ShouldBeTrue("the frontend reached the cluster through the secret");

        var (listed, listOutput) = await topology.RunSiloCommandAsync(fromSecrets, ["mail", "undelivered"], Token);
        listed.ShouldBe(0, listOutput);
        listOutput.ShouldContain("No undelivered emails.");
    }

    [Fact]
    public async Task Without_the_secret_the_wrong_connection_string_of_the_environment_is_used_and_named_in_the_error()
    {
        await using var topology = await AppTopology.CreateAsync(postgres, Token);
        var emptyFolder = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Orleans"] = WrongConnection,
            ["DockerSecrets__Directory"] = _secrets.FullName,
        };

        var (exitCode, output) = await topology.RunSiloCommandAsync(emptyFolder, ["migrate"], Token);

        exitCode.ShouldNotBe(0, "the environment's connection string points nowhere; the test above passes only through the secret");
        output.ShouldContain("127.0.0.1");
    }
}
