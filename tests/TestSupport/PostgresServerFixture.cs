using ChatbotOrleans.LocalRun;
using Npgsql;
using Xunit;

namespace ChatbotOrleans.TestSupport;

/// <summary>
/// One PostgreSQL server per test assembly: the server named by CHATBOT_TEST_POSTGRES (an admin
/// connection string) when set, otherwise a throwaway local server that is deleted afterwards.
/// Each test asks for its own empty database, so tests never see each other's data.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    public const string ServerVariable = "CHATBOT_TEST_POSTGRES";

    private readonly List<string> _createdDatabases = [];
    private LocalPostgres? _localServer;
    private string? _temporaryDirectory;
    private string? _adminConnectionString;

    public string AdminConnectionString =>
        _adminConnectionString ?? throw new InvalidOperationException("The PostgreSQL fixture is not initialized.");

    /// <summary>
    /// A throwaway local server of its own, whatever CHATBOT_TEST_POSTGRES says: for tests that stop
    /// and start the server, which must never happen to one other tests share.
    /// </summary>
    public static async Task<PostgresServerFixture> StartPrivateAsync()
    {
        var fixture = new PostgresServerFixture();
        await fixture.StartLocalAsync();
        return fixture;
    }

    /// <summary>Stops the server as an outage would (fast shutdown: open sessions are cut).</summary>
    public Task StopAsync() => LocalServer.StopAsync();

    /// <summary>Starts the stopped server again on the same port and data directory.</summary>
    public async Task StartAgainAsync()
    {
        var server = LocalServer;
        _localServer = await LocalPostgres.StartAsync(server.DataDirectory, server.Port, fastButUnsafe: true, log: null, CancellationToken.None);
    }

    public async ValueTask InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            _adminConnectionString = external;
            return;
        }

        await StartLocalAsync();
    }

    private LocalPostgres LocalServer =>
        _localServer ?? throw new InvalidOperationException($"Only a local server can be stopped and started; this one is {ServerVariable}.");

    private async Task StartLocalAsync()
    {
        _temporaryDirectory = Directory.CreateTempSubdirectory("chatbot-tests-pg-").FullName;
        _localServer = await LocalPostgres.StartAsync(
            Path.Combine(_temporaryDirectory, "data"),
            port: null,
            fastButUnsafe: true,
            log: null,
            TestContext.Current.CancellationToken);
        _adminConnectionString = _localServer.ConnectionString();
    }

    /// <summary>Creates a fresh, empty, uniquely named database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken ct = default)
    {
        var name = $"test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }

        lock (_createdDatabases)
        {
            _createdDatabases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_localServer is not null)
        {
            await _localServer.DisposeAsync();
            if (_temporaryDirectory is not null)
            {
                Directory.Delete(_temporaryDirectory, recursive: true);
            }

            return;
        }

        // A shared server outlives the run, so the databases made for it are dropped.
        if (_adminConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            foreach (var name in _createdDatabases)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }
}
