using ChatbotOrleans.Grains.Abstractions;
using Npgsql;

namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>
/// What the message log holds for the user messages a run sent (state is the truth): each stored once, answered by
/// exactly one complete reply; and how often the model was asked for each.
/// </summary>
public sealed record DeliveryCheck(int Sent, int Lost, int Doubled, int Finished, int RepliesDoubled, int AskedMoreThanOnce, int MostAsks)
{
    public double FinishedShare => Sent == 0 ? 0 : (double)Finished / Sent;

    public static async Task<DeliveryCheck> ReadAsync(
        string connectionString, IReadOnlyCollection<MessageId> sent, IReadOnlyDictionary<string, int> asks, CancellationToken ct)
    {
        var ids = sent.Select(m => m.Value).Distinct().ToArray();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT
              (SELECT count(DISTINCT message_id) FROM conversation_messages WHERE role = 0 AND message_id = ANY(@ids)),
              (SELECT count(*) - count(DISTINCT message_id) FROM conversation_messages WHERE role = 0 AND message_id = ANY(@ids)),
              (SELECT count(DISTINCT reply_to) FROM conversation_messages WHERE role = 1 AND status = 0 AND reply_to = ANY(@ids)),
              (SELECT count(*) - count(DISTINCT reply_to) FROM conversation_messages WHERE role = 1 AND reply_to = ANY(@ids))
            """,
            connection);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var stored = (int)reader.GetInt64(0);
        var asked = ids.Select(id => asks.GetValueOrDefault(id.ToString("N"))).ToList();
        return new DeliveryCheck(ids.Length, ids.Length - stored, (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3),
            asked.Count(n => n > 1), asked.DefaultIfEmpty(0).Max());
    }

    public override string ToString() =>
        $"sent {Sent:N0}: lost {Lost}, stored twice {Doubled}, answered {Finished:N0} ({FinishedShare:P2}), answered twice {RepliesDoubled}; "
        + $"model asked more than once for {AskedMoreThanOnce} (at most {MostAsks} times)";
}
