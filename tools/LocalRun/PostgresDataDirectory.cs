using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatbotOrleans.LocalRun;

/// <summary>
/// A cluster's data directory and the files around it that a local run reads or tidies: the pid file a running
/// server leaves there, the server's log, and the directory of its Unix socket.
/// </summary>
internal sealed class PostgresDataDirectory
{
    private const int LogTailLines = 20;

    public PostgresDataDirectory(string directory)
    {
        FullPath = Path.GetFullPath(directory);
    }

    public string FullPath { get; }

    /// <summary>Written by the server as it starts and removed as it stops, so one left by a crash is stale.</summary>
    public string PidFile => Path.Combine(FullPath, "postmaster.pid");

    public string LogFile => Path.Combine(FullPath, "server.log");

    public string SocketDirectory => SocketDirectoryFor(FullPath, Path.GetTempPath());

    /// <summary>Whether initdb has made a cluster here.</summary>
    public bool HoldsCluster => File.Exists(Path.Combine(FullPath, "PG_VERSION"));

    public bool IsMissingOrEmpty => !Directory.Exists(FullPath) || !Directory.EnumerateFileSystemEntries(FullPath).Any();

    /// <summary>
    /// A Unix socket's path must be short, so the socket lives in a short per-cluster directory under
    /// <paramref name="tempDirectory"/> rather than next to a possibly deep data directory.
    /// </summary>
    public static string SocketDirectoryFor(string dataDirectory, string tempDirectory)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)))[..12];
        return Path.Combine(tempDirectory, $"chatbot-pg-{hash}");
    }

    /// <summary>The server a pid file names, or null when its lines do not name one.</summary>
    public static (string Pid, int Port)? ParsePidFile(IReadOnlyList<string> lines)
    {
        // postmaster.pid lines: pid, data dir, start time, port, socket dir, listen address, ...
        return lines.Count >= 4 && int.TryParse(lines[3], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? (lines[0], port)
            : null;
    }

    /// <inheritdoc cref="ParsePidFile"/>
    public async Task<(string Pid, int Port)?> ReadPidFileAsync(CancellationToken ct) =>
        ParsePidFile(await File.ReadAllLinesAsync(PidFile, ct));

    /// <summary>The last lines of the server's log, where it says why it did not start.</summary>
    public string LogTail()
    {
        if (!File.Exists(LogFile))
        {
            return string.Empty;
        }

        var lines = File.ReadAllLines(LogFile);
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - LogTailLines)));
    }

    public void CreateSocketDirectory() => Directory.CreateDirectory(SocketDirectory);

    public void RemoveSocketDirectoryIfEmpty()
    {
        var socketDirectory = SocketDirectory;
        if (Directory.Exists(socketDirectory) && !Directory.EnumerateFileSystemEntries(socketDirectory).Any())
        {
            Directory.Delete(socketDirectory);
        }
    }
}
