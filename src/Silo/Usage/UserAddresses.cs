using ChatbotOrleans.Grains.Users;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;

namespace ChatbotOrleans.Silo.Usage;

/// <summary>
/// The addresses of users, read from their stored grain state (the "user" state in <c>orleansstorage</c>, written
/// with Orleans' serializer), so that <c>silo usage</c> can name its users with no silo running. A user without a
/// state row is gone: a deleted account's state row is deleted with it.
/// </summary>
internal static class UserAddresses
{
    private const string StateName = "user";

    public static async Task<IReadOnlyDictionary<Guid, string>> ReadAsync(
        string connectionString, string serviceId, IReadOnlyCollection<Guid> users, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // A Guid key is stored as its two halves (the row's grainidn0 and grainidn1).
        await using var command = new NpgsqlCommand(
            """
            SELECT s.grainidn0, s.grainidn1, s.payloadbinary
            FROM orleansstorage s JOIN unnest($1::bigint[], $2::bigint[]) k(n0, n1) ON s.grainidn0 = k.n0 AND s.grainidn1 = k.n1
            WHERE s.serviceid = $3 AND s.graintypestring = $4 AND s.payloadbinary IS NOT NULL
            """, connection)
        {
            Parameters =
            {
                new NpgsqlParameter<long[]> { TypedValue = [.. users.Select(u => Half(u, 0))] },
                new NpgsqlParameter<long[]> { TypedValue = [.. users.Select(u => Half(u, 8))] },
                new NpgsqlParameter<string> { TypedValue = serviceId },
                new NpgsqlParameter<string> { TypedValue = StateName },
            },
        };
        var addresses = new Dictionary<Guid, string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = new Guid([.. BitConverter.GetBytes(reader.GetInt64(0)), .. BitConverter.GetBytes(reader.GetInt64(1))]);
            var state = serializer.Deserialize<UserState>(BinaryData.FromBytes(reader.GetFieldValue<byte[]>(2)));
            if (state is { Email.Length: > 0 })
            {
                addresses[id] = state.Email;
            }
        }

        return addresses;
    }

    private static long Half(Guid id, int offset) => BitConverter.ToInt64(id.ToByteArray(), offset);
}
