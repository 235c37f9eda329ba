using System.Data;
using Npgsql;

namespace ChatbotOrleans.Silo.Migrations;

/// <summary>
/// Applies the embedded SQL migrations in version order, each in its own transaction, and records
/// them in <c>schema_migrations</c>. Safe to run from several processes at once and to run again.
/// </summary>
public static partial class DatabaseMigrator
{
    // An arbitrary constant shared by every migrator of this application: the advisory lock that
    // serialises silos (or compose replicas) migrating the same database at the same time.
    private const long AdvisoryLockKey = 0x43686174626F74; // "Chatbot"

    private const string CreateHistoryTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations
        (
          version text PRIMARY KEY,
          name text NOT NULL,
          checksum text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        );
        """;

    /// <summary>Applies every pending migration and returns the versions applied by this call.</summary>
    public static Task<IReadOnlyList<string>> MigrateAsync(string connectionString, ILogger logger, CancellationToken ct) =>
        MigrateAsync(connectionString, MigrationScript.LoadEmbedded(typeof(DatabaseMigrator).Assembly), logger, ct);

    /// <summary>Returns the versions not applied yet, after checking that applied scripts are unchanged.</summary>
    public static async Task<IReadOnlyList<string>> PendingAsync(string connectionString, CancellationToken ct)
    {
        var scripts = MigrationScript.LoadEmbedded(typeof(DatabaseMigrator).Assembly);
        await using var connection = await OpenAsync(connectionString, ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var applied = await LockAndReadHistoryAsync(connection, transaction, ct);
        await transaction.CommitAsync(ct);
        return Verify(scripts, applied).Select(s => s.Version).ToList();
    }

    internal static async Task<IReadOnlyList<string>> MigrateAsync(
        string connectionString, IReadOnlyList<MigrationScript> scripts, ILogger logger, CancellationToken ct)
    {
        await using var connection = await OpenAsync(connectionString, ct);
        var appliedNow = new List<string>();
        foreach (var script in scripts)
        {
            // The history is re-read under the lock for every script: another migrator may have
            // applied it while this one waited.
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            var applied = await LockAndReadHistoryAsync(connection, transaction, ct);
            if (!Verify(scripts, applied).Contains(script))
            {
                await transaction.CommitAsync(ct);
                continue;
            }

            LogApplying(logger, script.Version, script.Name);
            await ExecuteAsync(connection, transaction, script.Sql, ct);
            await using (var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES (@version, @name, @checksum)",
                connection,
                transaction))
            {
                record.Parameters.AddWithValue("version", script.Version);
                record.Parameters.AddWithValue("name", script.Name);
                record.Parameters.AddWithValue("checksum", script.Checksum);
                await record.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            appliedNow.Add(script.Version);
        }

        if (appliedNow.Count == 0)
        {
            LogUpToDate(logger, scripts.Count);
        }
        else
        {
            LogApplied(logger, appliedNow.Count, appliedNow);
        }

        return appliedNow;
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<Dictionary<string, string>> LockAndReadHistoryAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        // Transaction-scoped, so a crashed migrator can never leave the lock behind. Taken before
        // CREATE TABLE IF NOT EXISTS, which is not safe against a concurrent creator on its own.
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
        await ExecuteAsync(connection, transaction, CreateHistoryTable, ct);

        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            applied[reader.GetString(0)] = reader.GetString(1);
        }

        return applied;
    }

    /// <summary>Refuses edited scripts and returns the scripts not applied yet.</summary>
    private static List<MigrationScript> Verify(IReadOnlyList<MigrationScript> scripts, Dictionary<string, string> applied)
    {
        var pending = new List<MigrationScript>();
        foreach (var script in scripts)
        {
            if (!applied.TryGetValue(script.Version, out var checksum))
            {
                pending.Add(script);
            }
            else if (!string.Equals(checksum, script.Checksum, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"Migration {script.Version} ({script.Name}) was changed after it was applied: the database recorded "
                    + $"checksum {checksum}, the script now has {script.Checksum}. Applied migrations are immutable: "
                    + "restore the original script and put the change in a new migration.");
            }
        }

        return pending;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying migration {Version} ({Name})")]
    private static partial void LogApplying(ILogger logger, string version, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date ({Count} migrations)")]
    private static partial void LogUpToDate(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migration(s): {Versions}")]
    private static partial void LogApplied(ILogger logger, int count, IReadOnlyList<string> versions);
}
