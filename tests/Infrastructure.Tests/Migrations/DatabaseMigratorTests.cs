using ChatbotOrleans.Silo.Migrations;
using ChatbotOrleans.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.Migrations;

public sealed class DatabaseMigratorTests(PostgresServerFixture postgres)
{
    private static readonly string[] AllVersions = ["0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0011", "0012"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fresh_database_gets_every_migration_in_order()
    {
        var connectionString = await postgres.CreateDatabaseAsync(Ct);

        (await DatabaseMigrator.PendingAsync(connectionString, Ct)).ShouldBe(AllVersions);
        var applied = await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, Ct);

        applied.ShouldBe(AllVersions);
        (await DatabaseMigrator.PendingAsync(connectionString, Ct)).ShouldBeEmpty();
        var recorded = await QueryAsync(connectionString, "SELECT version || ':' || length(checksum) FROM schema_migrations ORDER BY version");
        recorded.ShouldBe(AllVersions.Select(v => v + ":64"));
    }

    [Fact]
    public async Task Second_run_applies_nothing_and_changes_nothing()
    {
        var connectionString = await postgres.CreateDatabaseAsync(Ct);
        await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, Ct);
        var before = await SnapshotAsync(connectionString);

        var applied = await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, Ct);

        applied.ShouldBeEmpty();
        (await SnapshotAsync(connectionString)).ShouldBe(before);
    }

    [Fact]
    public async Task Changed_script_after_apply_is_refused()
    {
        var connectionString = await postgres.CreateDatabaseAsync(Ct);
        await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, Ct);
        await QueryAsync(connectionString, "UPDATE schema_migrations SET checksum = repeat('0', 64) WHERE version = '0003' RETURNING version");

        var error = await Should.ThrowAsync<InvalidOperationException>(
            () => DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, Ct));

        error.Message.ShouldContain("0003");
        error.Message.ShouldContain("changed after it was applied");
    }

    [Fact]
    public async Task Concurrent_migrators_both_succeed_and_apply_each_script_once()
    {
        var connectionString = await postgres.CreateDatabaseAsync(Ct);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, Ct), Ct)));

        runs.SelectMany(r => r).Order(StringComparer.Ordinal).ShouldBe(AllVersions);
        (await QueryAsync(connectionString, "SELECT count(*)::text FROM schema_migrations")).ShouldBe([AllVersions.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }

    [Fact]
    public async Task Data_protection_keys_table_has_the_shape_the_web_tier_uses()
    {
        var connectionString = await postgres.CreateDatabaseAsync(Ct);
        await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, Ct);

        await QueryAsync(connectionString, "INSERT INTO data_protection_keys (friendly_name, xml) VALUES ('key-1', '<key/>') RETURNING id::text");
        var duplicate = await Should.ThrowAsync<PostgresException>(
            () => QueryAsync(connectionString, "INSERT INTO data_protection_keys (friendly_name, xml) VALUES ('key-1', '<other/>') RETURNING id::text"));

        duplicate.SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
        (await QueryAsync(connectionString, "SELECT friendly_name || xml || (created_at IS NOT NULL)::text FROM data_protection_keys"))
            .ShouldBe(["key-1<key/>true"]);
    }

    private static Task<List<string>> SnapshotAsync(string connectionString) => QueryAsync(
        connectionString,
        """
        SELECT 'migration ' || version || ' ' || checksum || ' ' || applied_at::text FROM schema_migrations
        UNION ALL SELECT 'query ' || QueryKey || ' ' || md5(QueryText) FROM OrleansQuery
        UNION ALL SELECT 'relation ' || relname || ' ' || relkind::text FROM pg_class WHERE relnamespace = 'public'::regnamespace
        UNION ALL SELECT 'function ' || oid::regprocedure::text || ' ' || md5(prosrc) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
        ORDER BY 1
        """);

    private static async Task<List<string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var values = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
