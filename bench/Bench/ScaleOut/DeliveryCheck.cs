using System.Diagnostics;
using ChatbotOrleans.Grains.Abstractions;
using Npgsql;

namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>
/// What the message log holds for the user messages a run sent (state is the truth): each stored once, answered by
/// exactly one complete reply; how often the model was asked for each; and, for those without a complete reply,
/// what the log holds instead (a failed or stopped reply with its sentence, or no reply yet).
/// </summary>
public sealed record DeliveryCheck(
    int Sent, int Lost, int Doubled, int Finished, int RepliesDoubled, int AskedMoreThanOnce, int MostAsks, int Owed, IReadOnlyList<string> Unfinished)
{
    // The fault runs' silos sweep for owed replies every 2 s (FaultTuning): what is still owed after this is stuck.
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(30);

    public double FinishedShare => Sent == 0 ? 0 : (double)Finished / Sent;

    /// <summary>
    /// Reads the log when the load has stopped and again every second while a stored message still has no reply row
    /// (owed: a restart left it for the sweep), at most <see cref="SettleLimit"/>.
    /// </summary>
    /// <returns>The check when the load stopped, the settled check, and how long settling took.</returns>
    public static async Task<(DeliveryCheck AtStop, DeliveryCheck Settled, TimeSpan Waited)> SettleAsync(
        string connectionString, IReadOnlyCollection<MessageId> sent, IReadOnlyDictionary<string, int> asks, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var atStop = await ReadAsync(connectionString, sent, asks, ct);
        var check = atStop;
        while (check.Owed > 0 && Stopwatch.GetElapsedTime(started) < SettleLimit)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            check = await ReadAsync(connectionString, sent, asks, ct);
        }

        return (atStop, check, Stopwatch.GetElapsedTime(started));
    }

    public static async Task<DeliveryCheck> ReadAsync(
        string connectionString, IReadOnlyCollection<MessageId> sent, IReadOnlyDictionary<string, int> asks, CancellationToken ct)
    {
        var ids = sent.Select(m => m.Value).Distinct().ToArray();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT role, coalesce(reply_to, message_id), status, coalesce(error, '') FROM conversation_messages "
            + "WHERE (role = 0 AND message_id = ANY(@ids)) OR (role = 1 AND reply_to = ANY(@ids)) ORDER BY sequence",
            connection);
        command.Parameters.AddWithValue("ids", ids);
        var stored = new Dictionary<Guid, int>();
        var replies = new Dictionary<Guid, List<(short Status, string Error)>>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetGuid(1);
                if (reader.GetInt16(0) == 0)
                {
                    stored[id] = stored.GetValueOrDefault(id) + 1;
                }
                else
                {
                    (replies.TryGetValue(id, out var list) ? list : replies[id] = []).Add((reader.GetInt16(2), reader.GetString(3)));
                }
            }
        }

        var finished = replies.Count(r => r.Value.Any(x => x.Status == (short)ReplyStatus.Complete));
        var owed = stored.Keys.Count(id => !replies.ContainsKey(id));
        var unfinished = stored.Keys
            .Where(id => !replies.TryGetValue(id, out var list) || list.All(x => x.Status != (short)ReplyStatus.Complete))
            .Select(id => replies.TryGetValue(id, out var list) ? $"{(ReplyStatus)list[^1].Status} (\"{list[^1].Error}\")" : "no reply yet")
            .GroupBy(what => what)
            .Select(g => $"{g.Count()} {g.Key}")
            .ToList();
        var asked = ids.Select(id => asks.GetValueOrDefault(id.ToString("N"))).ToList();
        return new DeliveryCheck(ids.Length, ids.Length - stored.Count, stored.Values.Sum() - stored.Count, finished,
            replies.Values.Sum(r => r.Count) - replies.Count, asked.Count(n => n > 1), asked.DefaultIfEmpty(0).Max(), owed, unfinished);
    }

    public override string ToString() =>
        $"sent {Sent:N0}: lost {Lost}, stored twice {Doubled}, answered {Finished:N0} ({FinishedShare:P2}), answered twice {RepliesDoubled}; "
        + $"model asked more than once for {AskedMoreThanOnce} (at most {MostAsks} times)"
        + (Unfinished.Count == 0 ? "" : $"; without a complete reply: {string.Join(", ", Unfinished)}");
}
