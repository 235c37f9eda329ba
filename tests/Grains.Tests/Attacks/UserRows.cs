using System.Text;
using Npgsql;

namespace ChatbotOrleans.Grains.Tests.Attacks;

/// <summary>
/// Counts, in every table of the database, the rows that mention a user: their id or address, as text or in the
/// bytes of a stored grain state (a row read as text shows binary columns in hex), or, for grain state, as the
/// key of the grain (a Guid key is stored as its two halves).
/// </summary>
internal static class UserRows
{
    /// <summary>
    /// The streams' pub-sub state names a user's or a conversation's stream while a silo's pulling agent keeps it
    /// registered: no content, no address, and removed by Orleans once the stream has been idle for its inactivity
    /// period. Counted apart, under its grain type, and not in the table's total.
    /// </summary>
    public const string StreamBookkeeping = "pubsubrendezvous";

    public static async Task<IReadOnlyDictionary<string, long>> CountPerTableAsync(string connectionString, string email, params Guid[] ids)
    {
        var patterns = new List<string> { Text(email), Hex(Encoding.UTF8.GetBytes(email)) };
        foreach (var id in ids)
        {
            patterns.AddRange([Text(id.ToString("N")), Text(id.ToString("D")), Hex(id.ToByteArray())]);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select tablename from pg_tables where schemaname = 'public' order by tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var n0 = ids.Select(id => BitConverter.ToInt64(id.ToByteArray(), 0)).ToArray();
        var n1 = ids.Select(id => BitConverter.ToInt64(id.ToByteArray(), 8)).ToArray();
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            var isGrainState = table == "orleansstorage";
            var byKey = isGrainState
                ? " or exists (select 1 from unnest(@n0, @n1) k(n0, n1) where k.n0 = t.grainidn0 and k.n1 = t.grainidn1)"
                : "";

            // Grain state is counted by grain type, and its total summed from the same query: stream bookkeeping rows
            // are written while a pulling agent registers a stream, and a second query could see some the first did not.
            var kind = isGrainState ? "graintypestring" : "''";
            await using var count = new NpgsqlCommand(
                $"select {kind}, count(*) from \"{table}\" t where lower(t::text) like any(@patterns){byKey} group by 1 order by 1", connection);
            count.Parameters.AddWithValue("patterns", patterns.ToArray());
            count.Parameters.AddWithValue("n0", n0);
            count.Parameters.AddWithValue("n1", n1);
            counts[table] = 0;
            await using var reader = await count.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var type = reader.GetString(0);
                var rows = reader.GetInt64(1);
                if (isGrainState)
                {
                    // Which grains' states they are, for failure messages; stream bookkeeping counted apart (see StreamBookkeeping).
                    counts[$"orleansstorage:{type}"] = rows;
                }

                if (!type.Contains(StreamBookkeeping, StringComparison.OrdinalIgnoreCase))
                {
                    counts[table] += rows;
                }
            }
        }

        return counts;
    }

    private static string Text(string value) => $"%{value.ToLowerInvariant()}%";

    private static string Hex(byte[] bytes) => $"%{Convert.ToHexStringLower(bytes)}%";
}
