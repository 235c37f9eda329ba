using System.Globalization;
using System.Text;
using Npgsql;

namespace ChatbotOrleans.Bench.Measure;

/// <summary>What each SQL statement cost between a reset and now (pg_stat_statements): calls, time, WAL.</summary>
public static class StatementStatistics
{
    public static async Task ResetAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The statements of this database that wrote WAL or ran most, one line each; multi-row INSERTs of any
    /// row count are summed as one statement.
    /// </summary>
    public static async Task<string> DescribeAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT sum(calls)::bigint AS calls, round(sum(total_exec_time)::numeric / greatest(sum(calls), 1), 3),
                   sum(wal_bytes)::bigint AS wal, sum(wal_fpi)::bigint, sum(wal_records)::bigint, statement
            FROM (SELECT *, left(regexp_replace(regexp_replace(query, '\s+', ' ', 'g'), ' VALUES \(\$.*', ' VALUES (…)…'), 90) AS statement
                  FROM pg_stat_statements
                  WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                    AND query NOT LIKE '%pg_stat%') s
            GROUP BY statement
            ORDER BY wal DESC, calls DESC
            LIMIT 12
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var text = new StringBuilder("calls | ms/call | WAL bytes | FPIs | WAL records | statement\n");
        while (await reader.ReadAsync(ct))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{reader.GetInt64(0)} | {reader.GetDecimal(1)} | {reader.GetInt64(2)} | {reader.GetInt64(3)} | {reader.GetInt64(4)} | {reader.GetString(5)}\n");
        }

        return text.ToString();
    }
}
