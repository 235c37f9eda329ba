using ChatbotOrleans.Silo.Migrations;
using ChatbotOrleans.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.Migrations;

/// <summary>Runs the reminder queries with the parameters and result handling of the ADO.NET reminder table.</summary>
public sealed class ReminderContractTests(PostgresServerFixture postgres)
{
    private const string ServiceId = "test-service";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upsert_then_read_round_trips_and_bumps_the_version()
    {
        var queries = await MigratedAsync();
        var start = new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);

        (await UpsertAsync(queries, "grain-a", "retry", start, 60_000, 5)).ShouldBe(0);
        // Periods beyond int milliseconds are bound as Int64 by Orleans.
        (await UpsertAsync(queries, "grain-a", "retry", start, 30L * 24 * 3600 * 1000, 5)).ShouldBe(1);

        var row = (await queries.ReadAsync("ReadReminderRowKey", Key("grain-a", "retry"))).ShouldHaveSingleItem();
        row["GrainId"].ShouldBe("grain-a");
        row["ReminderName"].ShouldBe("retry");
        ((DateTime)row["StartTime"]!).ShouldBe(start);
        Convert.ToInt64(row["Period"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(30L * 24 * 3600 * 1000);
        row["Version"].ShouldBe(1);
        (await queries.ReadAsync("ReadReminderRowKey", Key("grain-a", "missing"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Range_queries_select_by_hash_including_the_wrapping_range()
    {
        var queries = await MigratedAsync();
        var start = DateTime.UtcNow;
        await UpsertAsync(queries, "low", "r", start, 60_000, int.MinValue + 10);
        await UpsertAsync(queries, "mid", "r", start, 60_000, 0);
        await UpsertAsync(queries, "high", "r", start, 60_000, int.MaxValue - 10);
        await UpsertAsync(queries, "mid", "r2", start, 60_000, 0);

        (await GrainsAsync(queries, "ReadRangeRows1Key", -100, 100)).ShouldBe(["mid", "mid"]);
        (await GrainsAsync(queries, "ReadRangeRows2Key", 100, -100)).ShouldBe(["high", "low"]);
        (await queries.ReadAsync("ReadReminderRowsKey", StoredQueries.Parameter("ServiceId", ServiceId), StoredQueries.Parameter("GrainId", "mid")))
            .Count.ShouldBe(2);
    }

    [Fact]
    public async Task Delete_needs_the_current_version_and_delete_all_clears_the_service()
    {
        var queries = await MigratedAsync();
        await UpsertAsync(queries, "g", "one", DateTime.UtcNow, 60_000, 1);
        await UpsertAsync(queries, "g", "two", DateTime.UtcNow, 60_000, 1);

        (await DeleteAsync(queries, "one", version: 5)).ShouldBe(0);
        (await DeleteAsync(queries, "one", version: 0)).ShouldBe(1);
        (await DeleteAsync(queries, "one", version: 0)).ShouldBe(0);

        await queries.ReadAsync("DeleteReminderRowsKey", StoredQueries.Parameter("ServiceId", ServiceId));
        (await queries.ReadAsync("ReadReminderRowsKey", StoredQueries.Parameter("ServiceId", ServiceId), StoredQueries.Parameter("GrainId", "g")))
            .ShouldBeEmpty();
    }

    private static NpgsqlParameter[] Key(string grainId, string reminderName) =>
    [
        StoredQueries.Parameter("ServiceId", ServiceId),
        StoredQueries.Parameter("GrainId", grainId),
        StoredQueries.Parameter("ReminderName", reminderName),
    ];

    private static async Task<int> UpsertAsync(StoredQueries queries, string grainId, string name, DateTime start, long periodMs, int grainHash)
    {
        NpgsqlParameter period = periodMs <= int.MaxValue
            ? StoredQueries.Parameter("Period", (int)periodMs)
            : StoredQueries.Parameter("Period", periodMs);
        var rows = await queries.ReadAsync(
            "UpsertReminderRowKey",
            [.. Key(grainId, name), StoredQueries.Parameter("StartTime", start), period, StoredQueries.Parameter("GrainHash", grainHash)]);
        return Convert.ToInt32(rows.ShouldHaveSingleItem()["Version"], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> DeleteAsync(StoredQueries queries, string name, int version)
    {
        var rows = await queries.ReadAsync("DeleteReminderRowKey", [.. Key("g", name), StoredQueries.Parameter("Version", version)]);
        var row = rows.ShouldHaveSingleItem();
        row.Count.ShouldBe(1, "Orleans reads a single boolean-like column");
        return Convert.ToInt32(row.Values.Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> GrainsAsync(StoredQueries queries, string key, int begin, int end)
    {
        var rows = await queries.ReadAsync(
            key,
            StoredQueries.Parameter("ServiceId", ServiceId),
            StoredQueries.Parameter("BeginHash", begin),
            StoredQueries.Parameter("EndHash", end));
        return rows.Select(r => (string)r["GrainId"]!).Order(StringComparer.Ordinal).ToList();
    }

    private async Task<StoredQueries> MigratedAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync(Ct);
        await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, Ct);
        return await StoredQueries.LoadAsync(connectionString, Ct);
    }
}
