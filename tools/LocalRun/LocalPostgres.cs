using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace ChatbotOrleans.LocalRun;

/// <summary>
/// A PostgreSQL server run from the locally installed binaries, for development and tests:
/// listens on 127.0.0.1 only, trusts local connections, superuser <c>postgres</c> without password.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private const string MissingBinaries =
        "PostgreSQL server binaries not found. Install them: sudo apt-get install -y postgresql-15, "
        + "or set ConnectionStrings__Orleans to an existing server.";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _binDirectory;
    private readonly string _dataDirectory;
    private readonly bool _runAsServiceUser;
    private readonly Action<string> _log;
    private bool _ownsServer;

    private LocalPostgres(string binDirectory, string dataDirectory, bool runAsServiceUser, int port, bool ownsServer, Action<string> log)
    {
        _binDirectory = binDirectory;
        _dataDirectory = dataDirectory;
        _runAsServiceUser = runAsServiceUser;
        Port = port;
        _ownsServer = ownsServer;
        _log = log;
    }

    public string Host { get; } = "127.0.0.1";

    public int Port { get; }

    public string DataDirectory => _dataDirectory;

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
        var dataDir = Path.GetFullPath(dataDirectory);
        var binDir = FindBinaries();
        // initdb and postgres refuse to run as root, so a root caller hands the cluster to the service account.
        var asServiceUser = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        write($"PostgreSQL binaries: {binDir}{(asServiceUser ? $" (running them as '{ServiceUser}' because we are root)" : string.Empty)}");

        if (File.Exists(Path.Combine(dataDir, "postmaster.pid")))
        {
            var running = await TryReuseAsync(binDir, dataDir, asServiceUser, write, ct);
            if (running is not null)
            {
                return running;
            }
        }

        await InitializeIfEmptyAsync(binDir, dataDir, asServiceUser, write, ct);

        var socketDirectory = SocketDirectoryFor(dataDir);
        Directory.CreateDirectory(socketDirectory);
        if (asServiceUser)
        {
            await GiveToServiceUserAsync(socketDirectory, write, ct);
        }

        var chosenPort = port ?? FreePort.Any();
        var options = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"-p {chosenPort} -k {socketDirectory} -c listen_addresses=127.0.0.1"));
        options.Append(" -c max_connections=200");
        if (fastButUnsafe)
        {
            options.Append(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        }

        var logFile = Path.Combine(dataDir, "server.log");
        write($"Starting PostgreSQL on 127.0.0.1:{chosenPort} (data {dataDir}, log {logFile}{(fastButUnsafe ? ", fsync off" : string.Empty)})");
        var result = await RunAsync(
            binDir,
            "pg_ctl",
            ["start", "-D", dataDir, "-w", "-t", ((int)StartTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture), "-l", logFile, "-o", options.ToString()],
            asServiceUser,
            ct);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"pg_ctl start failed (exit {result.ExitCode}): {result.Output}\n{TailOf(logFile)}");
        }

        write($"PostgreSQL is ready on 127.0.0.1:{chosenPort}");
        return new LocalPostgres(binDir, dataDir, asServiceUser, chosenPort, ownsServer: true, write);
    }

    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Username = ServiceUser,
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
        _log($"Stopping PostgreSQL on 127.0.0.1:{Port}");
        var result = await RunAsync(_binDirectory, "pg_ctl", ["stop", "-D", _dataDirectory, "-m", "fast", "-w"], _runAsServiceUser, CancellationToken.None);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl stop failed (exit {result.ExitCode}): {result.Output}");
        }

        _ownsServer = false;
        var socketDirectory = SocketDirectoryFor(_dataDirectory);
        if (Directory.Exists(socketDirectory) && !Directory.EnumerateFileSystemEntries(socketDirectory).Any())
        {
            Directory.Delete(socketDirectory);
        }

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

    private static string FindBinaries()
    {
        var overridden = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return File.Exists(Path.Combine(overridden, "pg_ctl"))
                ? overridden
                : throw new InvalidOperationException($"PG_BIN is set to '{overridden}' but it has no pg_ctl. {MissingBinaries}");
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(dir => (Dir: dir, Version: decimal.TryParse(Path.GetFileName(dir), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(candidate => candidate.Version >= 0 && File.Exists(Path.Combine(candidate.Dir, "bin", "pg_ctl")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => Path.Combine(candidate.Dir, "bin"))
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "initdb")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException(MissingBinaries);
    }

    private static async Task<LocalPostgres?> TryReuseAsync(string binDir, string dataDir, bool asServiceUser, Action<string> log, CancellationToken ct)
    {
        var pidFile = Path.Combine(dataDir, "postmaster.pid");
        var status = await RunAsync(binDir, "pg_ctl", ["status", "-D", dataDir], asServiceUser, ct);
        if (status.ExitCode == 0)
        {
            // postmaster.pid lines: pid, data dir, start time, port, socket dir, listen address, ...
            var lines = await File.ReadAllLinesAsync(pidFile, ct);
            if (lines.Length >= 4 && int.TryParse(lines[3], NumberStyles.None, CultureInfo.InvariantCulture, out var runningPort))
            {
                log($"Reusing the PostgreSQL server already running on {dataDir} (port {runningPort}, pid {lines[0]})");
                return new LocalPostgres(binDir, dataDir, asServiceUser, runningPort, ownsServer: false, log);
            }
        }

        log($"Removing stale {pidFile} (no server is running on it)");
        File.Delete(pidFile);
        return null;
    }

    private static async Task InitializeIfEmptyAsync(string binDir, string dataDir, bool asServiceUser, Action<string> log, CancellationToken ct)
    {
        if (File.Exists(Path.Combine(dataDir, "PG_VERSION")))
        {
            return;
        }

        if (Directory.Exists(dataDir) && Directory.EnumerateFileSystemEntries(dataDir).Any())
        {
            throw new InvalidOperationException(
                $"'{dataDir}' is neither empty nor a PostgreSQL data directory: choose another directory or empty it.");
        }

        Directory.CreateDirectory(dataDir);
        if (asServiceUser)
        {
            await GiveToServiceUserAsync(dataDir, log, ct);
        }

        log($"Creating a PostgreSQL cluster in {dataDir} (initdb, trust auth, UTF8, superuser '{ServiceUser}')");
        var result = await RunAsync(
            binDir,
            "initdb",
            ["-D", dataDir, "-U", ServiceUser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-instructions"],
            asServiceUser,
            ct);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"initdb failed (exit {result.ExitCode}): {result.Output}");
        }
    }

    private static async Task GiveToServiceUserAsync(string directory, Action<string> log, CancellationToken ct)
    {
        var chown = await RunAsync(binDir: null, "chown", ["-R", $"{ServiceUser}:", directory], asServiceUser: false, ct);
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown of '{directory}' to '{ServiceUser}' failed: {chown.Output}");
        }

        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // The service account must be able to walk down to the directory (temp dirs are often 0700).
        for (var parent = Path.GetDirectoryName(directory); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            var mode = File.GetUnixFileMode(parent);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                log($"Making {parent} traversable (o+x) for '{ServiceUser}'");
                File.SetUnixFileMode(parent, mode | UnixFileMode.OtherExecute);
            }
        }
    }

    private static string SocketDirectoryFor(string dataDir)
    {
        // Unix socket paths are limited to ~107 bytes, so the socket lives in a short per-cluster
        // directory under the temp dir rather than next to a possibly deep data directory.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDir)))[..12];
        return Path.Combine(Path.GetTempPath(), $"chatbot-pg-{hash}");
    }

    private static string TailOf(string logFile)
    {
        if (!File.Exists(logFile))
        {
            return string.Empty;
        }

        var lines = File.ReadAllLines(logFile);
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 20)));
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<(int ExitCode, string Output)> RunAsync(
        string? binDir, string program, IReadOnlyList<string> arguments, bool asServiceUser, CancellationToken ct)
    {
        var executable = binDir is null ? program : Path.Combine(binDir, program);
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The service account may not be allowed into the caller's working directory.
            WorkingDirectory = "/",
        };
        if (asServiceUser)
        {
            startInfo.FileName = "runuser";
            foreach (var argument in (string[])["-u", ServiceUser, "--", executable])
            {
                startInfo.ArgumentList.Add(argument);
            }
        }
        else
        {
            startInfo.FileName = executable;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = (await stdout + await stderr).Trim();
        return (process.ExitCode, output);
    }
}
