using ChatbotOrleans.Silo.Migrations;
using ChatbotOrleans.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.Migrations;

/// <summary>Runs the grain-storage queries with the parameters and result handling of AdoNetGrainStorage.</summary>
public sealed class GrainStorageContractTests(PostgresServerFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Write_then_read_round_trips_and_stale_versions_are_rejected()
    {
        var queries = await MigratedAsync();
        var grain = new GrainKey(Guid.NewGuid(), Extension: null);

        // First write: no ETag yet.
        (await WriteAsync(queries, grain, version: null, [1, 2, 3])).ShouldBe(1);
        // A second activation that never read the row must lose (null comes back, Orleans reports a conflict).
        (await WriteAsync(queries, grain, version: null, [9])).ShouldBeNull();
        (await WriteAsync(queries, grain, version: 1, [4, 5])).ShouldBe(2);
        // A stale ETag gets its own version back: nothing changed.
        (await WriteAsync(queries, grain, version: 1, [6])).ShouldBe(1);

        var read = (await queries.ReadAsync("ReadFromStorageKey", grain.Parameters())).ShouldHaveSingleItem();
        read["PayloadBinary"].ShouldBe(new byte[] { 4, 5 });
        read["Version"].ShouldBe(2);
    }

    [Fact]
    public async Task Keys_that_differ_only_by_extension_or_type_are_separate_rows()
    {
        var queries = await MigratedAsync();
        var id = Guid.NewGuid();
        var plain = new GrainKey(id, Extension: null);
        var extended = new GrainKey(id, Extension: "ext");
        var otherType = plain with { TypeName = "other-type" };

        (await WriteAsync(queries, plain, null, [1])).ShouldBe(1);
        (await WriteAsync(queries, extended, null, [2])).ShouldBe(1);
        (await WriteAsync(queries, otherType, null, [3])).ShouldBe(1);

        (await queries.ReadAsync("ReadFromStorageKey", extended.Parameters())).ShouldHaveSingleItem()["PayloadBinary"].ShouldBe(new byte[] { 2 });
        (await queries.ReadAsync("ReadFromStorageKey", plain.Parameters())).ShouldHaveSingleItem()["PayloadBinary"].ShouldBe(new byte[] { 1 });
        (await queries.ReadAsync("ReadFromStorageKey", new GrainKey(Guid.NewGuid(), null).Parameters())).ShouldBeEmpty();
    }

    [Fact]
    public async Task Clear_keeps_the_row_with_a_new_version_and_delete_removes_it()
    {
        var queries = await MigratedAsync();
        var grain = new GrainKey(Guid.NewGuid(), Extension: null);
        await WriteAsync(queries, grain, null, [1]);

        (await queries.ReadAsync("ClearStorageKey", [.. grain.Parameters(), StoredQueries.Parameter<int?>("GrainStateVersion", 7)])).ShouldBeEmpty();
        var cleared = (await queries.ReadAsync("ClearStorageKey", [.. grain.Parameters(), StoredQueries.Parameter<int?>("GrainStateVersion", 1)])).ShouldHaveSingleItem();
        cleared.Values.Single().ShouldBe(2);
        var read = (await queries.ReadAsync("ReadFromStorageKey", grain.Parameters())).ShouldHaveSingleItem();
        read["PayloadBinary"].ShouldBeNull();
        read["Version"].ShouldBe(2);

        // Writing after a clear continues from the cleared version.
        (await WriteAsync(queries, grain, 2, [8])).ShouldBe(3);
        var deleted = (await queries.ReadAsync("DeleteStorageKey", [.. grain.Parameters(), StoredQueries.Parameter<int?>("GrainStateVersion", 3)])).ShouldHaveSingleItem();
        deleted.Values.Single().ShouldBe(4);
        (await queries.ReadAsync("ReadFromStorageKey", grain.Parameters())).ShouldBeEmpty();
    }

    private static async Task<int?> WriteAsync(StoredQueries queries, GrainKey grain, int? version, byte[] payload)
    {
        var rows = await queries.ReadAsync(
            "WriteToStorageKey",
            [.. grain.Parameters(), StoredQueries.Parameter("GrainStateVersion", version), StoredQueries.Parameter("PayloadBinary", payload)]);
        return (int?)rows.ShouldHaveSingleItem()["NewGrainStateVersion"];
    }

    private async Task<StoredQueries> MigratedAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync(Ct);
        await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, Ct);
        return await StoredQueries.LoadAsync(connectionString, Ct);
    }

    private sealed record GrainKey(Guid Id, string? Extension, string TypeName = "conversation")
    {
        public NpgsqlParameter[] Parameters()
        {
            var bytes = Id.ToByteArray();
            return
            [
                StoredQueries.Parameter("GrainIdHash", Id.GetHashCode()),
                StoredQueries.Parameter("GrainIdN0", BitConverter.ToInt64(bytes, 0)),
                StoredQueries.Parameter("GrainIdN1", BitConverter.ToInt64(bytes, 8)),
                StoredQueries.Parameter("GrainTypeHash", TypeName.Length),
                StoredQueries.Parameter("GrainTypeString", TypeName),
                StoredQueries.Parameter("GrainIdExtensionString", Extension),
                StoredQueries.Parameter("ServiceId", "test-service"),
            ];
        }
    }
}
