using System.Reflection;
using ChatbotOrleans.Silo.Migrations;
using ChatbotOrleans.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.Migrations;

public sealed class OrleansQueryKeysTests(PostgresServerFixture postgres)
{
    // Read from the Orleans 10.4.2 provider assemblies: the clustering and reminder providers refuse
    // to start without every key of their DbStoredQueries; grain storage needs the first three and
    // uses DeleteStorageKey when DeleteStateOnClear is set.
    public static readonly TheoryData<string> RequiredKeys =
    [
        "GatewaysQueryKey",
        "MembershipReadRowKey",
        "MembershipReadAllKey",
        "InsertMembershipVersionKey",
        "UpdateIAmAlivetimeKey",
        "InsertMembershipKey",
        "UpdateMembershipKey",
        "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
        "WriteToStorageKey",
        "ReadFromStorageKey",
        "ClearStorageKey",
        "DeleteStorageKey",
        "ReadReminderRowsKey",
        "ReadRangeRows1Key",
        "ReadRangeRows2Key",
        "ReadReminderRowKey",
        "UpsertReminderRowKey",
        "DeleteReminderRowKey",
        "DeleteReminderRowsKey",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(RequiredKeys))]
    public async Task Migrated_database_has_the_query(string key)
    {
        var queries = await MigratedQueriesAsync();

        queries.Queries.ShouldContainKey(key);
        queries.Queries[key].ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("Orleans.Clustering.AdoNet", "Orleans.Clustering.AdoNet.Storage.DbStoredQueries")]
    [InlineData("Orleans.Reminders.AdoNet", "Orleans.Reminders.AdoNet.Storage.DbStoredQueries")]
    public void Explicit_list_covers_every_key_the_provider_demands(string assemblyName, string typeName)
    {
        // Guards an Orleans upgrade: a provider that starts demanding a new key fails here, not at silo start.
        var storedQueries = Assembly.Load(assemblyName).GetType(typeName, throwOnError: true)!;
        var demanded = storedQueries.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic).Select(p => p.Name).ToList();

        demanded.ShouldNotBeEmpty();
        demanded.ShouldBeSubsetOf(RequiredKeys.Select(row => row.Data));
    }

    private async Task<StoredQueries> MigratedQueriesAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync(Ct);
        await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, Ct);
        return await StoredQueries.LoadAsync(connectionString, Ct);
    }
}
