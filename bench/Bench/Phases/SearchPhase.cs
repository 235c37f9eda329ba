using System.Diagnostics;
using System.Text.RegularExpressions;
using ChatbotOrleans.Bench.Archive;
using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Bench.Report;
using ChatbotOrleans.Grains.Abstractions;
using Npgsql;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>
/// Section 8, search: <see cref="BenchSizes.SearchUsers"/> users of <see cref="BenchSizes.SearchConversationsPerUser"/>
/// conversations, <see cref="BenchSizes.SearchMessagesPerConversation"/> messages each, written by COPY. A few of the
/// users are real (signed in, their chats started through the app) and search through the grain API with two-word
/// queries; the rest are rows only. Then the production query, as the silo last sent it, is explained with
/// ANALYZE and BUFFERS for one of them, and the rows its scan read are compared with that user's own.
/// </summary>
public static partial class SearchPhase
{
    public static async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var ct = context.CancellationToken;
        var perUser = sizes.SearchConversationsPerUser;
        var real = await context.Chats.CreateAsync(sizes.SearchRealUsers * perUser, perUser);
        var others = Enumerable.Range(0, (sizes.SearchUsers - sizes.SearchRealUsers) * perUser).Select(_ => ConversationId.New()).ToList();
        List<ConversationId> all = [.. real.Select(c => c.Id), .. others];
        all = [.. all.OrderBy(_ => Random.Shared.Next())];

        // Loaded without the search index and the index built after, as a restore would; then analysed.
        var clock = Stopwatch.StartNew();
        await ExecuteAsync(context, "DROP INDEX ix_conversation_messages_search");
        var corpus = new ArchiveCorpus(context.Stack.ConnectionString);
        await Parallel.ForEachAsync(all.Chunk(2_000), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, async (chunk, token) =>
            await new ArchiveCorpus(context.Stack.ConnectionString, chunk[0].Value.GetHashCode()).WriteAsync(chunk, sizes.SearchMessagesPerConversation, 20, token));
        var loaded = clock.Elapsed;
        await ExecuteAsync(context, "CREATE INDEX ix_conversation_messages_search ON conversation_messages USING gin (conversation_id, search_vector)");
        await ExecuteAsync(context, "VACUUM (ANALYZE) conversation_messages");
        var total = sizes.SearchUsers * perUser * sizes.SearchMessagesPerConversation;
        context.Log($"search: {total:N0} messages of {sizes.SearchUsers:N0} users loaded in {loaded.TotalSeconds:0} s, indexed in {(clock.Elapsed - loaded).TotalSeconds:0} s");

        var users = real.GroupBy(c => c.Owner).Select(g => g.Key).ToList();
        var samples = new Samples();
        var hits = 0L;
        for (var i = 0; i < sizes.SearchSamples + 20; i++)
        {
            var query = $"{corpus.DrawWord()} {corpus.DrawWord()}";
            var search = context.Stack.Client.Cluster.GetGrain<IChatSearchGrain>(users[i % users.Count].Value);
            var started = Stopwatch.StartNew();
            var result = await search.SearchAsync(query);
            if (i >= 20)
            {
                samples.Add(started.Elapsed);
                hits += result.Hits.Count;
            }

            if (result.Error is { } error)
            {
                throw new InvalidOperationException($"The search '{query}' was refused: {error}");
            }
        }

        context.Log($"search: p50 {samples.P50:0.00} ms p95 {samples.P95:0.00} ms p99 {samples.P99:0.00} ms, {hits / (double)sizes.SearchSamples:0.0} hits a query");
        var (plan, readRows) = await ExplainAsync(context, real.Where(c => c.Owner == users[0]).Select(c => c.Id.Value).ToArray());
        context.Log("search: EXPLAIN (ANALYZE, BUFFERS) of the production query for one user:\n" + plan);
        var ownRows = perUser * sizes.SearchMessagesPerConversation;
        context.Table.Add(new ResultRow("8 Archive",
            $"search over {total:N0} messages of {sizes.SearchUsers:N0} users, two-word query, grain API: p95 (p50 {ResultTable.Ms(samples.P50)}, p99 {ResultTable.Ms(samples.P99)}; {hits / (double)sizes.SearchSamples:0.0} hits a query)",
            ResultTable.Ms(samples.P95), "", null, "≤ 50 ms", samples.P95 <= 50));
        context.Table.Add(new ResultRow("8 Archive",
            "rows the search's table scan read for one user (EXPLAIN ANALYZE: rows returned + removed by filter or recheck)",
            $"{readRows:N0}", $"the user's own messages: {ownRows:N0}", null, "≤ the user's own", readRows <= ownRows));
    }

    private static async Task<(string Plan, long RowsRead)> ExplainAsync(BenchContext context, Guid[] conversations)
    {
        // The silo's pooled connection still shows the last statement it ran, as sent: parameters as $1–$3, constants intact.
        var sql = await context.Stack.ScalarAsync<string>(
            "SELECT query FROM pg_stat_activity WHERE query LIKE '%websearch_to_tsquery%' AND pid <> pg_backend_pid() LIMIT 1",
            context.CancellationToken);
        await using var connection = new NpgsqlConnection(context.Stack.ConnectionString);
        await connection.OpenAsync(context.CancellationToken);
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid[]> { TypedValue = conversations },
                new NpgsqlParameter<string> { TypedValue = $"{ArchiveCorpus.Words[3]} {ArchiveCorpus.Words[40]}" },
                new NpgsqlParameter<int> { TypedValue = 20 },
            },
        };
        var lines = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(context.CancellationToken))
        {
            while (await reader.ReadAsync(context.CancellationToken))
            {
                lines.Add(reader.GetString(0));
            }
        }

        // The scan of the search's own table alias ("hit"): what it returned, and what it read and dropped.
        var scan = lines.FindIndex(l => l.Contains("on conversation_messages hit", StringComparison.Ordinal));
        long read = 0;
        for (var i = scan; i >= 0 && i < lines.Count && (i == scan || !lines[i].Contains("->", StringComparison.Ordinal)); i++)
        {
            read += i == scan ? long.Parse(ActualRows().Match(lines[i]).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
                : RemovedRows().Match(lines[i]) is { Success: true } removed ? long.Parse(removed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        }

        return (string.Join('\n', lines), read);
    }

    private static async Task ExecuteAsync(BenchContext context, string sql)
    {
        await using var connection = new NpgsqlConnection(context.Stack.ConnectionString);
        await connection.OpenAsync(context.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(context.CancellationToken);
    }

    [GeneratedRegex(@"actual time=[\d.]+\.\.[\d.]+ rows=(\d+)")]
    private static partial Regex ActualRows();

    [GeneratedRegex(@"Rows Removed by (?:Filter|Index Recheck): (\d+)")]
    private static partial Regex RemovedRows();
}
