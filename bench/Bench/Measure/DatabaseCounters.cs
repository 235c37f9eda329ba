using Npgsql;

namespace ChatbotOrleans.Bench.Measure;

/// <summary>The database's commits (pg_stat_database) and the WAL position: what a piece of work cost PostgreSQL.</summary>
public sealed record DatabaseCounters(long Commits, long WalBytes, string WalPosition = "")
{
    public static async Task<DatabaseCounters> ReadAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);

        // The statistics of the current transaction are cached; clear them so the reading is fresh.
        await using (var clear = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", connection))
        {
            await clear.ExecuteNonQueryAsync(ct);
        }

        await using var command = new NpgsqlCommand(
            "SELECT xact_commit, pg_current_wal_lsn() - '0/0'::pg_lsn, pg_current_wal_lsn()::text FROM pg_stat_database WHERE datname = current_database()",
            connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new DatabaseCounters(reader.GetInt64(0), (long)reader.GetDecimal(1), reader.GetString(2));
    }

    public static DatabaseCounters operator -(DatabaseCounters after, DatabaseCounters before) =>
        new(after.Commits - before.Commits, after.WalBytes - before.WalBytes);
}
