using System.Diagnostics;
using System.Globalization;

namespace ChatbotOrleans.LocalRun;

/// <summary>
/// The installed PostgreSQL server binaries and how to run them: as the caller, or as the <c>postgres</c>
/// account when the caller is root, because initdb and postgres refuse to run as root.
/// </summary>
internal sealed class PostgresBinaries
{
    /// <summary>The account the binaries run as when we are root.</summary>
    public const string ServiceUser = "postgres";

    public const string MissingBinaries =
        "PostgreSQL server binaries not found. Install them: sudo apt-get install -y postgresql-15, "
        + "or set ConnectionStrings__Orleans to an existing server.";

    private const string DebianRoot = "/usr/lib/postgresql";

    public PostgresBinaries(string binDirectory, bool runAsServiceUser)
    {
        BinDirectory = binDirectory;
        RunAsServiceUser = runAsServiceUser;
    }

    public string BinDirectory { get; }

    public bool RunAsServiceUser { get; }

    /// <summary>This machine's binaries (see <see cref="FindDirectory"/>), run as the service user when we are root.</summary>
    public static PostgresBinaries Find() =>
        new(
            FindDirectory(Environment.GetEnvironmentVariable("PG_BIN"), DebianRoot, Environment.GetEnvironmentVariable("PATH")),
            runAsServiceUser: string.Equals(Environment.UserName, "root", StringComparison.Ordinal));

    /// <summary>
    /// The directory named by <paramref name="overridden"/> (PG_BIN) when set, else the newest versioned install under
    /// <paramref name="debianRoot"/>, else the first directory of <paramref name="searchPath"/> holding pg_ctl and initdb.
    /// </summary>
    public static string FindDirectory(string? overridden, string debianRoot, string? searchPath)
    {
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return File.Exists(Path.Combine(overridden, "pg_ctl"))
                ? overridden
                : throw new InvalidOperationException($"PG_BIN is set to '{overridden}' but it has no pg_ctl. {MissingBinaries}");
        }

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

        foreach (var dir in (searchPath ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "initdb")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException(MissingBinaries);
    }

    /// <summary>How <paramref name="program"/> of these binaries is started with <paramref name="arguments"/>.</summary>
    public ProcessStartInfo StartInfo(string program, IReadOnlyList<string> arguments)
    {
        var executable = Path.Combine(BinDirectory, program);
        return RunAsServiceUser
            ? CommandLine("runuser", ["-u", ServiceUser, "--", executable, .. arguments])
            : CommandLine(executable, arguments);
    }

    /// <summary>Runs <paramref name="program"/> of these binaries to its end.</summary>
    /// <returns>Its exit code and its output, standard output then standard error.</returns>
    public Task<(int ExitCode, string Output)> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken ct) =>
        RunAsync(StartInfo(program, arguments), ct);

    /// <summary>
    /// Lets the account the binaries run as use <paramref name="directory"/>: when that is the service user, hands it
    /// the directory and makes the directories above it traversable.
    /// </summary>
    public async Task GrantAccessAsync(string directory, Action<string> log, CancellationToken ct)
    {
        if (!RunAsServiceUser)
        {
            return;
        }

        var chown = await RunAsync(CommandLine("chown", ["-R", $"{ServiceUser}:", directory]), ct);
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

    private static ProcessStartInfo CommandLine(string fileName, IEnumerable<string> arguments) =>
        new(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The service account may not be allowed into the caller's working directory.
            WorkingDirectory = "/",
        };

    private static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo startInfo, CancellationToken ct)
    {
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = (await stdout + await stderr).Trim();
        return (process.ExitCode, output);
    }
}
