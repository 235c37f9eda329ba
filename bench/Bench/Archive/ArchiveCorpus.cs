using System.Globalization;
using System.Text;
using ChatbotOrleans.Grains.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace ChatbotOrleans.Bench.Archive;

/// <summary>
/// Writes messages straight into the log with one binary COPY per batch, for the sections that need a big archive
/// rather than the way it grew: the words are drawn from a fixed vocabulary with a Zipf-like spread, so a few
/// words are in most messages and most words in a few, as in people's chats.
/// </summary>
public sealed class ArchiveCorpus(string connectionString, int seed = 21)
{
    public const int VocabularySize = 5_000;

    private static readonly string[] Syllables = ["ka", "lo", "mi", "ren", "su", "ta", "vel", "dor", "an", "ix", "po", "qua", "bre", "sto", "ny", "ul"];

    private readonly Random _random = new(seed);

    /// <summary>The vocabulary, most frequent first.</summary>
    public static IReadOnlyList<string> Words { get; } = [.. Enumerable.Range(0, VocabularySize).Select(Word)];

    public async Task WriteAsync(IReadOnlyList<ConversationId> conversations, int messagesEach, int wordsEach, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY conversation_messages (conversation_id, sequence, message_id, created_at, role, status, text) FROM STDIN (FORMAT BINARY)", ct);
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        foreach (var conversation in conversations)
        {
            for (var sequence = 1; sequence <= messagesEach; sequence++)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(conversation.Value, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync((long)sequence, NpgsqlDbType.Bigint, ct);
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(start.AddSeconds(sequence * 10), NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync((short)(sequence % 2 == 1 ? 0 : 1), NpgsqlDbType.Smallint, ct);
                await writer.WriteAsync((short)0, NpgsqlDbType.Smallint, ct);
                await writer.WriteAsync(Text(wordsEach), NpgsqlDbType.Text, ct);
            }
        }

        await writer.CompleteAsync(ct);
    }

    /// <summary>A word of the vocabulary by rank, drawn so that rank r comes about 1/r as often as the first.</summary>
    public string DrawWord() => Words[(int)Math.Min(VocabularySize - 1, Math.Floor(Math.Pow(VocabularySize + 1, _random.NextDouble())) - 1)];

    private string Text(int words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            text.Append(i == 0 ? "" : " ").Append(DrawWord());
        }

        return text.ToString();
    }

    private static string Word(int rank)
    {
        var word = new StringBuilder();
        var n = rank + 17;
        do
        {
            word.Append(Syllables[n % Syllables.Length]);
            n /= Syllables.Length;
        }
        while (n > 0);
        return word.ToString(0, word.Length).ToLower(CultureInfo.InvariantCulture);
    }
}
