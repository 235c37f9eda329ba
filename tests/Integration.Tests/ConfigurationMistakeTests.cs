using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ChatbotOrleans.LocalRun;
using ChatbotOrleans.TestSupport;
using Npgsql;
using Shouldly;

namespace ChatbotOrleans.Integration.Tests;

/// <summary>
/// The silo process started with one configuration mistake each: it stops at once, with exit code 2 and
/// one line, "error: …", naming the setting to fix. Nothing else is printed: no stack trace, no Orleans
/// start-up log to dig through.
/// </summary>
public sealed class ConfigurationMistakeTests(PostgresServerFixture postgres)
{
    private static readonly TimeSpan PromptExit = TimeSpan.FromSeconds(20);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("unparseable connection string", "ConnectionStrings:Orleans is not a valid PostgreSQL connection string")]
    [InlineData("connection string to a closed port", "Cannot use the PostgreSQL server in ConnectionStrings:Orleans (127.0.0.1:{port}, database \"chatbot\"): Connection refused")]
    [InlineData("database that does not exist", "database \"no_such_database\" does not exist")]
    [InlineData("database never migrated", "has no Orleans tables. Apply the migrations first: ChatbotOrleans.Silo migrate.")]
    [InlineData("model key without a model name", "error: OpenAI:Model is required when OpenAI:ApiKey or OpenAI:Endpoint is set")]
    [InlineData("SMTP port 0", "error: Smtp:Port must be a TCP port (1-65535), but was 0.")]
    [InlineData("SMTP port 70000", "error: Smtp:Port must be a TCP port (1-65535), but was 70000.")]
    [InlineData("SMTP port as text", "error: Smtp:Port must be a whole number, but was 'twenty-five'. Fix the setting (environment variable Smtp__Port).")]
    [InlineData("message limit of zero", "error: Conversations:MaxMessagesPerMinute must be between 1 and 10000.")]
    [InlineData("sign-in limit of 1000", "error: SignIn:MaxSignInsPerHour must be between 1 and 100.")]
    [InlineData("network sign-in limit of 0", "error: SignIn:MaxPerNetworkPerHour must be between 1 and 100000.")]
    [InlineData("no public URL in production", "error: Email:PublicUrl (environment variable Email__PublicUrl) is required")]
    [InlineData("a localhost public URL in production", "error: Email:PublicUrl (environment variable Email__PublicUrl) is 'http://localhost:5080', a localhost address")]
    [InlineData("a network message budget of 0", "error: Budgets:MaxMessagesPerNetworkPerMinute must be between 1 and 1000000.")]
    public async Task A_silo_with_a_configuration_mistake_stops_at_once_with_one_line_saying_what_to_fix(string mistake, string expected)
    {
        var closedPort = FreePort.Any();
        var settings = await SettingsWithAsync(mistake, closedPort);
        var lines = new ConcurrentQueue<string>();
        var layout = RepositoryLayout.Find();
        var clock = Stopwatch.StartNew();

        int exitCode;
        await using (var process = AppProcess.Start("silo", layout.SiloAssembly, layout.SiloDirectory, settings, lines.Enqueue))
        {
            await process.Exited.WaitAsync(PromptExit, Token);
            exitCode = process.ExitCode;
        }

        var output = lines.Select(l => l["[silo] ".Length..]).ToList();
        exitCode.ShouldBe(2, string.Join('\n', output));
        output.ShouldHaveSingleItem($"only the error line, got:\n{string.Join('\n', output)}").ShouldStartWith("error: ");
        output[0].ShouldContain(expected.Replace("{port}", closedPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        TestContext.Current.SendDiagnosticMessage($"{mistake}: exit 2 after {clock.Elapsed.TotalSeconds:F1} s");
    }

    private async Task<Dictionary<string, string?>> SettingsWithAsync(string mistake, int closedPort)
    {
        // Settings are checked before the database, so the cases that are not about the database need no
        // server: their connection string points at a closed port, and the line must still name the setting.
        var settings = new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Urls"] = $"http://127.0.0.1:{FreePort.Any()}",
            ["Orleans__SiloPort"] = FreePort.Any().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Any().ToString(CultureInfo.InvariantCulture),
            ["ConnectionStrings__Orleans"] = $"Host=127.0.0.1;Port={closedPort};Database=chatbot;Username=chatbot",
            ["OpenAI__ApiKey"] = "",
            ["OpenAI__Endpoint"] = "",
            ["Email__PublicUrl"] = "https://chat.example.com",
        };
        switch (mistake)
        {
            case "unparseable connection string":
                settings["ConnectionStrings__Orleans"] = "postgres is on localhost";
                break;
            case "connection string to a closed port":
                break;
            case "database that does not exist":
                settings["ConnectionStrings__Orleans"] = new NpgsqlConnectionStringBuilder(postgres.AdminConnectionString) { Database = "no_such_database" }.ConnectionString;
                break;
            case "database never migrated":
                settings["ConnectionStrings__Orleans"] = await postgres.CreateDatabaseAsync(Token);
                break;
            case "model key without a model name":
                settings["OpenAI__ApiKey"] = "sk-test";
                settings["OpenAI__Model"] = "";
                break;
            case "SMTP port 0":
                (settings["Smtp__Host"], settings["Smtp__Port"]) = ("smtp.example.com", "0");
                break;
            case "SMTP port 70000":
                (settings["Smtp__Host"], settings["Smtp__Port"]) = ("smtp.example.com", "70000");
                break;
            case "SMTP port as text":
                (settings["Smtp__Host"], settings["Smtp__Port"]) = ("smtp.example.com", "twenty-five");
                break;
            case "message limit of zero":
                settings["Conversations__MaxMessagesPerMinute"] = "0";
                break;
            case "sign-in limit of 1000":
                settings["SignIn__MaxSignInsPerHour"] = "1000";
                break;
            case "network sign-in limit of 0":
                settings["SignIn__MaxPerNetworkPerHour"] = "0";
                break;
            case "no public URL in production":
                settings["Email__PublicUrl"] = "";
                break;
            case "a localhost public URL in production":
                settings["Email__PublicUrl"] = "http://localhost:5080";
                break;
            case "a network message budget of 0":
                settings["Budgets__MaxMessagesPerNetworkPerMinute"] = "0";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mistake), mistake, "no such case");
        }

        return settings;
    }
}
