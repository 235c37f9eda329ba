using System.Globalization;
using System.Text;

namespace ChatbotOrleans.LocalRun;

/// <summary>
/// The server of one data directory, driven through initdb and pg_ctl: creates the cluster, starts the server
/// (pg_ctl returns once it accepts connections), tells whether it runs, and stops it.
/// </summary>
internal sealed class PostgresCluster
{
    /// <summary>The cluster's superuser, which local connections use without a password.</summary>
    public const string Superuser = "postgres";

    public const string ListenAddress = "127.0.0.1";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly PostgresBinaries _binaries;

    public PostgresCluster(PostgresBinaries binaries, PostgresDataDirectory dataDirectory)
    {
        _binaries = binaries;
        DataDirectory = dataDirectory;
    }

    public PostgresDataDirectory DataDirectory { get; }

    /// <summary>Creates the cluster unless the data directory holds one; refuses a directory that holds anything else.</summary>
    public async Task InitializeIfEmptyAsync(Action<string> log, CancellationToken ct)
    {
        if (DataDirectory.HoldsCluster)
        {
            return;
        }

        var dataDir = DataDirectory.FullPath;
        if (!DataDirectory.IsMissingOrEmpty)
        {
            throw new InvalidOperationException(
                $"'{dataDir}' is neither empty nor a PostgreSQL data directory: choose another directory or empty it.");
        }

        Directory.CreateDirectory(dataDir);
        await _binaries.GrantAccessAsync(dataDir, log, ct);

        log($"Creating a PostgreSQL cluster in {dataDir} (initdb, trust auth, UTF8, superuser '{Superuser}')");
        var result = await _binaries.RunAsync("initdb", InitDbArguments(dataDir), ct);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"initdb failed (exit {result.ExitCode}): {result.Output}");
        }
    }

    /// <summary>Whether a server runs on the data directory, as pg_ctl status finds it from the pid file.</summary>
    public async Task<bool> IsRunningAsync(CancellationToken ct) =>
        (await _binaries.RunAsync("pg_ctl", ["status", "-D", DataDirectory.FullPath], ct)).ExitCode == 0;

    /// <summary>Starts the server on <paramref name="port"/> and returns once it accepts connections.</summary>
    public async Task StartAsync(int port, bool fastButUnsafe, Action<string> log, CancellationToken ct)
    {
        DataDirectory.CreateSocketDirectory();
        await _binaries.GrantAccessAsync(DataDirectory.SocketDirectory, log, ct);

        log($"Starting PostgreSQL on {ListenAddress}:{port} (data {DataDirectory.FullPath}, log {DataDirectory.LogFile}{(fastButUnsafe ? ", fsync off" : string.Empty)})");
        var result = await _binaries.RunAsync("pg_ctl", StartArguments(DataDirectory, port, fastButUnsafe), ct);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"pg_ctl start failed (exit {result.ExitCode}): {result.Output}\n{DataDirectory.LogTail()}");
        }

        log($"PostgreSQL is ready on {ListenAddress}:{port}");
    }

    /// <summary>Stops the server and returns once it is gone; open sessions are disconnected.</summary>
    public async Task StopAsync()
    {
        var result = await _binaries.RunAsync("pg_ctl", StopArguments(DataDirectory.FullPath), CancellationToken.None);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl stop failed (exit {result.ExitCode}): {result.Output}");
        }
    }

    /// <summary>initdb's arguments: a UTF8 cluster whose local connections are trusted.</summary>
    public static IReadOnlyList<string> InitDbArguments(string dataDirectory) =>
        ["-D", dataDirectory, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-instructions"];

    /// <summary>pg_ctl's arguments to start the server, logging to the data directory's log file, and wait until it is ready.</summary>
    public static IReadOnlyList<string> StartArguments(PostgresDataDirectory dataDirectory, int port, bool fastButUnsafe) =>
        [
            "start", "-D", dataDirectory.FullPath, "-w", "-t", ((int)StartTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            "-l", dataDirectory.LogFile, "-o", ServerOptions(port, dataDirectory.SocketDirectory, fastButUnsafe),
        ];

    /// <summary>
    /// The server's own options, which pg_ctl passes on: loopback only, and with <paramref name="fastButUnsafe"/>
    /// no durability (fsync, synchronous commit, full page writes), for throwaway test servers.
    /// </summary>
    public static string ServerOptions(int port, string socketDirectory, bool fastButUnsafe)
    {
        var options = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"-p {port} -k {socketDirectory} -c listen_addresses={ListenAddress}"));
        options.Append(" -c max_connections=200");
        if (fastButUnsafe)
        {
            options.Append(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        }

        return options.ToString();
    }

    /// <summary>pg_ctl's arguments to stop the server in fast mode and wait until it is gone.</summary>
    public static IReadOnlyList<string> StopArguments(string dataDirectory) =>
        ["stop", "-D", dataDirectory, "-m", "fast", "-w"];
}
