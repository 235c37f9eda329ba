using Npgsql;

namespace ChatbotOrleans.LocalRun;

/// <summary>
/// A PostgreSQL server run from the locally installed binaries, for development and tests:
/// listens on 127.0.0.1 only, trusts local connections, superuser <c>postgres</c> without password.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private readonly PostgresCluster _cluster;
    private readonly Action<string> _log;
    private bool _ownsServer;

    private LocalPostgres(PostgresCluster cluster, int port, bool ownsServer, Action<string> log)
    {
        _cluster = cluster;
        Port = port;
        _ownsServer = ownsServer;
        _log = log;
    }

    public string Host { get; } = PostgresCluster.ListenAddress;

    public int Port { get; }

    public string DataDirectory => _cluster.DataDirectory.FullPath;

    /// <summary>
    /// Starts (or reuses) the server of <paramref name="dataDirectory"/>, creating the cluster if the directory is empty.
    /// </summary>
    /// <param name="dataDirectory">The cluster's data directory; created and initialised when empty.</param>
    /// <param name="port">The TCP port, or null for a free one.</param>
    /// <param name="log">Receives one line per step.</param>
    /// <param name="ct">Cancels the start.</param>
    public static Task<LocalPostgres> StartAsync(string dataDirectory, int? port, Action<string>? log, CancellationToken ct) =>
        StartAsync(dataDirectory, port, fastButUnsafe: false, log, ct);

    /// <inheritdoc cref="StartAsync(string, int?, Action{string}?, CancellationToken)"/>
    /// <param name="dataDirectory">The cluster's data directory; created and initialised when empty.</param>
    /// <param name="port">The TCP port, or null for a free one.</param>
    /// <param name="fastButUnsafe">Turns off durability (fsync, synchronous commit, full page writes): for throwaway test servers only.</param>
    /// <param name="log">Receives one line per step.</param>
    /// <param name="ct">Cancels the start.</param>
    public static async Task<LocalPostgres> StartAsync(
        string dataDirectory, int? port, bool fastButUnsafe, Action<string>? log, CancellationToken ct)
    {
        var write = log ?? (_ => { });
        var directory = new PostgresDataDirectory(dataDirectory);
        var binaries = PostgresBinaries.Find();
        write($"PostgreSQL binaries: {binaries.BinDirectory}{(binaries.RunAsServiceUser ? $" (running them as '{PostgresBinaries.ServiceUser}' because we are root)" : string.Empty)}");
        var cluster = new PostgresCluster(binaries, directory);

        if (File.Exists(directory.PidFile))
        {
            var running = await TryReuseAsync(cluster, write, ct);
            if (running is not null)
            {
                return running;
            }
        }

        await cluster.InitializeIfEmptyAsync(write, ct);
        var chosenPort = port ?? FreePort.Any();
        await cluster.StartAsync(chosenPort, fastButUnsafe, write, ct);
        return new LocalPostgres(cluster, chosenPort, ownsServer: true, write);
    }

    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Username = PostgresCluster.Superuser,
            Database = database,
        }.ConnectionString;

    /// <summary>Creates the database unless it already exists.</summary>
    public async Task CreateDatabaseAsync(string name, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(ct);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync(ct) is not null)
            {
                _log($"Database '{name}' already exists");
                return;
            }
        }

        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(name)}", connection);
            await create.ExecuteNonQueryAsync(ct);
            _log($"Created database '{name}'");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another process created it between the check and the CREATE: that is the desired outcome.
            _log($"Database '{name}' already exists");
        }
    }

    /// <summary>Stops the server (fast shutdown: open sessions are disconnected).</summary>
    public async Task StopAsync()
    {
        _log($"Stopping PostgreSQL on {Host}:{Port}");
        await _cluster.StopAsync();
        _ownsServer = false;
        _cluster.DataDirectory.RemoveSocketDirectoryIfEmpty();
        _log("PostgreSQL stopped");
    }

    public async ValueTask DisposeAsync()
    {
        // A server that was already running when we came is someone else's: leave it up.
        if (_ownsServer)
        {
            await StopAsync();
        }
    }

    private static async Task<LocalPostgres?> TryReuseAsync(PostgresCluster cluster, Action<string> log, CancellationToken ct)
    {
        var directory = cluster.DataDirectory;
        if (await cluster.IsRunningAsync(ct) && await directory.ReadPidFileAsync(ct) is { } running)
        {
            log($"Reusing the PostgreSQL server already running on {directory.FullPath} (port {running.Port}, pid {running.Pid})");
            return new LocalPostgres(cluster, running.Port, ownsServer: false, log);
        }

        log($"Removing stale {directory.PidFile} (no server is running on it)");
        File.Delete(directory.PidFile);
        return null;
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
