using System.Data;
using Npgsql;

namespace ChatbotOrleans.Infrastructure.Tests.Migrations;

/// <summary>
/// Runs OrleansQuery statements the way the ADO.NET providers do: text loaded from the table,
/// parameters named without '@' and typed by DbType from their CLR type (DateTime as DbType.DateTime,
/// uint hashes cast to int), results read by column name.
/// </summary>
internal sealed class StoredQueries(string connectionString, IReadOnlyDictionary<string, string> queries)
{
    // The subset of Orleans' DbExtensions type map that the providers use on these queries.
    private static readonly Dictionary<Type, DbType> OrleansTypeMap = new()
    {
        [typeof(int)] = DbType.Int32,
        [typeof(int?)] = DbType.Int32,
        [typeof(long)] = DbType.Int64,
        [typeof(string)] = DbType.String,
        [typeof(DateTime)] = DbType.DateTime,
        [typeof(byte[])] = DbType.Binary,
    };

    public static async Task<StoredQueries> LoadAsync(string connectionString, CancellationToken ct)
    {
        var queries = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT QueryKey, QueryText FROM OrleansQuery", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            queries.Add(reader.GetString(reader.GetOrdinal("QueryKey")), reader.GetString(reader.GetOrdinal("QueryText")));
        }

        return new StoredQueries(connectionString, queries);
    }

    public IReadOnlyDictionary<string, string> Queries => queries;

    public static NpgsqlParameter Parameter<T>(string name, T? value) => new()
    {
        ParameterName = name,
        Value = (object?)value ?? DBNull.Value,
        DbType = OrleansTypeMap[typeof(T)],
    };

    public async Task<List<Dictionary<string, object?>>> ReadAsync(string key, params NpgsqlParameter[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(queries[key], connection);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        do
        {
            while (await reader.ReadAsync())
            {
                var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }
        }
        while (await reader.NextResultAsync());

        return rows;
    }
}
