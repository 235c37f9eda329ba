using ChatbotOrleans.LocalRun;
using ChatbotOrleans.TestSupport;
using ChatbotOrleans.TestSupport.FakeOpenAI;
using Npgsql;

namespace ChatbotOrleans.Bench.Hosting;

/// <summary>
/// Everything the bench measures, started fresh: a throwaway PostgreSQL, the migrations applied by the silo's own `migrate`, one silo process in Production
/// configuration against the in-process fake model, and this process as an Orleans client.
/// </summary>
public sealed class BenchStack : IAsyncDisposable
{
    private readonly DirectoryInfo _scratch;
    private LocalPostgres? _postgres;

    private BenchStack(DirectoryInfo scratch) => _scratch = scratch;

    public AppTopology Topology { get; private set; } = null!;

    public FakeOpenAIServer Model => Topology.Model;

    public AppProcess Silo { get; private set; } = null!;

    public BenchClient Client { get; private set; } = null!;

    public string ConnectionString => Topology.ConnectionString;

    /// <summary>The configuration the silo was started with beyond the topology's own, for more silos like it.</summary>
    public IReadOnlyDictionary<string, string?> SiloSettings { get; private set; } = new Dictionary<string, string?>();

    public string PostgresVersion { get; private set; } = "";

    /// <summary>The postmaster, parent of every backend.</summary>
    public int PostgresProcessId => int.Parse(
        File.ReadLines(Path.Combine(PostgresDataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

    public string PostgresDataDirectory => _postgres?.DataDirectory ?? throw new InvalidOperationException("PostgreSQL is not started.");

    /// <summary>fsync, synchronous_commit and full_page_writes as the server runs them.</summary>
    public string PostgresSettings { get; private set; } = "";

    /// <param name="durable">
    /// Commits wait for the disk (fsync, synchronous commit). Otherwise they do not, as on a disk with a
    /// write cache, which is what the issue's reference figures (0.24 ms a commit) describe and what keeps a
    /// shared disk's noise out of the ratios; full-page writes stay on either way, so WAL is counted as in production.
    /// </param>
    /// <param name="siloEnvironment">Extra environment of the silo process (runtime settings to compare).</param>
    /// <param name="log">Receives one line per step.</param>
    /// <param name="ct">Cancels the start.</param>
    public static async Task<BenchStack> StartAsync(bool durable, IReadOnlyDictionary<string, string?> siloEnvironment, Action<string> log, CancellationToken ct)
    {
        var stack = new BenchStack(Directory.CreateTempSubdirectory("chatbot-bench-"));
        try
        {
            await stack.StartCoreAsync(durable, siloEnvironment, log, ct);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    private async Task StartCoreAsync(bool durable, IReadOnlyDictionary<string, string?> siloEnvironment, Action<string> log, CancellationToken ct)
    {
        // Started with the durable defaults; the settings below take effect at the restart, which
        // pg_stat_statements (calls, time and WAL per statement) needs anyway to be loaded.
        var dataDirectory = Path.Combine(_scratch.FullName, "pg");
        _postgres = await LocalPostgres.StartAsync(dataDirectory, port: null, fastButUnsafe: false, log: null, ct);
        await _postgres.CreateDatabaseAsync("chatbot_bench", ct);
        Topology = await AppTopology.CreateAsync(_postgres.ConnectionString("chatbot_bench"), ct);
        Model.KeepRequests = false;
        await ScalarAsync<bool>("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'", ct, allowNull: true);
        if (!durable)
        {
            await ScalarAsync<bool>("ALTER SYSTEM SET fsync = off", ct, allowNull: true);
            await ScalarAsync<bool>("ALTER SYSTEM SET synchronous_commit = off", ct, allowNull: true);
        }

        var port = _postgres.Port;
        NpgsqlConnection.ClearAllPools();
        await _postgres.StopAsync();
        _postgres = await LocalPostgres.StartAsync(dataDirectory, port, fastButUnsafe: false, log: null, ct);
        await ScalarAsync<bool>("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", ct, allowNull: true);
        PostgresVersion = await ScalarAsync<string>("SHOW server_version", ct);
        PostgresSettings = await ScalarAsync<string>(
            "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')", ct);
        log($"PostgreSQL {PostgresVersion} on port {_postgres.Port} ({PostgresSettings})");

        var (exitCode, output) = await Topology.MigrateAsync(ct);
        if (exitCode != 0)
        {
            throw new InvalidOperationException("silo migrate failed:\n" + output);
        }

        var mail = _scratch.CreateSubdirectory("mail");
        var settings = new Dictionary<string, string?>
        {
            ["Smtp__PickupFolder"] = mail.FullName,

            // The per-user message limit is a cost policy for people, not a speed limit: the bench drives each
            // conversation far faster than a person types. The limiter's grain call still runs on every send.
            ["Conversations__MaxMessagesPerMinute"] = "10000",

            // The abuse budgets likewise: the bench is one user and one network starting thousands of chats.
            ["Budgets__MaxNewAccountsPerHour"] = "1000000",
            ["Budgets__MaxNewAccountsPerNetworkPerHour"] = "1000000",
            ["Budgets__MaxMessagesPerMinute"] = "1000000",
            ["Budgets__MaxMessagesPerNetworkPerMinute"] = "1000000",
            ["Budgets__MaxConversationsPerUser"] = "100000",
            ["Budgets__MaxNewConversationsPerMinute"] = "10000",
            ["Budgets__MaxTokensPerUserPerDay"] = "2147483647",
            ["Budgets__MaxTokensPerDay"] = "2147483647",

            // Section 5's chat pages all sign a new user in from 127.0.0.1: one network, more than production's
            // 60 an hour. The conversations made as an Orleans client come from networks of their own.
            ["SignIn__MaxPerNetworkPerHour"] = "100000",
        };
        foreach (var (key, value) in siloEnvironment)
        {
            settings[key] = value;
        }

        SiloSettings = settings;
        (Silo, _) = await Topology.StartSiloAsync(ct, settings);
        var extra = siloEnvironment.Count == 0 ? "" : ", " + string.Join(", ", siloEnvironment.Select(e => $"{e.Key}={e.Value}"));
        log($"Silo process {Silo.Id} is an active member (Production configuration{extra}, model at {Model.Endpoint})");
        Client = await BenchClient.ConnectAsync(ConnectionString, Topology.ClusterId, ct);
    }

    public async Task<T> ScalarAsync<T>(string sql, CancellationToken ct, bool allowNull = false)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(ct);
        return value is T typed ? typed : allowNull ? default! : throw new InvalidOperationException($"'{sql}' returned {value ?? "null"}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }

        if (Topology is not null)
        {
            await Topology.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        try
        {
            _scratch.Delete(recursive: true);
        }
        catch (IOException)
        {
            // The server's files may belong to the postgres account; the temp dir is cleaned by the OS then.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
