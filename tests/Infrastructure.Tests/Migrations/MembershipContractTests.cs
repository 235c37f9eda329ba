using System.Net;
using ChatbotOrleans.Silo.Migrations;
using ChatbotOrleans.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.Migrations;

/// <summary>Drives the real Orleans 10.4.2 ADO.NET membership table against the migrated schema.</summary>
public sealed class MembershipContractTests(PostgresServerFixture postgres)
{
    private const string ClusterId = "test-cluster";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Silo_rows_are_inserted_updated_and_read_with_optimistic_versioning()
    {
        var (table, _) = await CreateTableAsync();
        var initial = await table.ReadAllAsync(Ct);
        initial.Members.ShouldBeEmpty();

        var silo = Entry(11111, SiloStatus.Joining);
        (await table.InsertRowAsync(silo, initial.Version.Next(), Ct)).ShouldBeTrue();
        // The same version again is stale now: nothing may change.
        (await table.InsertRowAsync(Entry(22222, SiloStatus.Joining), initial.Version.Next(), Ct)).ShouldBeFalse();

        var afterInsert = await table.ReadAllAsync(Ct);
        afterInsert.Members.Count.ShouldBe(1);
        afterInsert.Version.Version.ShouldBe(initial.Version.Version + 1);
        var (stored, etag) = afterInsert.Members[0];
        stored.SiloAddress.ShouldBe(silo.SiloAddress);
        stored.SiloName.ShouldBe(silo.SiloName);
        stored.ProxyPort.ShouldBe(silo.ProxyPort);

        silo.Status = SiloStatus.Active;
        silo.AddOrUpdateSuspector(Entry(33333, SiloStatus.Active).SiloAddress, DateTime.UtcNow, 10);
        (await table.UpdateRowAsync(silo, etag, afterInsert.Version.Next(), Ct)).ShouldBeTrue();
        (await table.UpdateRowAsync(silo, etag, afterInsert.Version.Next(), Ct)).ShouldBeFalse();

        var row = await table.ReadRowAsync(silo.SiloAddress, Ct);
        row.Members.Single().Item1.Status.ShouldBe(SiloStatus.Active);
        row.Members.Single().Item1.SuspectTimes!.Count.ShouldBe(1);
        row.Version.Version.ShouldBe(initial.Version.Version + 2);

        var alive = DateTime.UtcNow.AddMinutes(1);
        silo.IAmAliveTime = alive;
        await table.UpdateIAmAliveAsync(silo, Ct);
        (await table.ReadRowAsync(silo.SiloAddress, Ct)).Members.Single().Item1.IAmAliveTime
            .ShouldBe(alive, TimeSpan.FromMilliseconds(2));
    }

    [Fact]
    public async Task Defunct_cleanup_removes_only_stale_non_active_silos_and_delete_removes_the_cluster()
    {
        var (table, connectionString) = await CreateTableAsync();
        var dead = Entry(1001, SiloStatus.Dead, DateTime.UtcNow.AddHours(-2));
        var staleButActive = Entry(1002, SiloStatus.Active, DateTime.UtcNow.AddHours(-2));
        var fresh = Entry(1003, SiloStatus.Dead, DateTime.UtcNow);
        foreach (var entry in new[] { dead, staleButActive, fresh })
        {
            // The etag travels unchanged through Next(), so every insert needs a fresh read, as in Orleans.
            var version = (await table.ReadAllAsync(Ct)).Version;
            (await table.InsertRowAsync(entry, version.Next(), Ct)).ShouldBeTrue();
        }

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddHours(-1), Ct);

        (await table.ReadAllAsync(Ct)).Members.Select(m => m.Item1.SiloAddress.Endpoint.Port).Order()
            .ShouldBe([1002, 1003]);

        await table.DeleteMembershipTableEntriesAsync(ClusterId, Ct);
        var (reinitialized, _) = await CreateTableAsync(connectionString);
        (await reinitialized.ReadAllAsync(Ct)).Members.ShouldBeEmpty();
    }

    [Fact]
    public async Task Gateways_query_returns_active_silos_with_a_proxy_port()
    {
        var (table, connectionString) = await CreateTableAsync();
        var active = Entry(2001, SiloStatus.Active);
        var joining = Entry(2002, SiloStatus.Joining);
        foreach (var entry in new[] { active, joining })
        {
            // The etag travels unchanged through Next(), so every insert needs a fresh read, as in Orleans.
            var version = (await table.ReadAllAsync(Ct)).Version;
            (await table.InsertRowAsync(entry, version.Next(), Ct)).ShouldBeTrue();
        }

        var queries = await StoredQueries.LoadAsync(connectionString, Ct);
        var gateways = await queries.ReadAsync(
            "GatewaysQueryKey",
            StoredQueries.Parameter("DeploymentId", ClusterId),
            StoredQueries.Parameter("Status", (int)SiloStatus.Active));

        gateways.Count.ShouldBe(1);
        gateways[0]["Address"].ShouldBe("127.0.0.1");
        gateways[0]["ProxyPort"].ShouldBe(active.ProxyPort);
        gateways[0]["Generation"].ShouldBe(active.SiloAddress.Generation);
    }

    private static MembershipEntry Entry(int port, SiloStatus status, DateTime? iAmAlive = null) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 42),
        SiloName = $"silo-{port}",
        HostName = "localhost",
        Status = status,
        ProxyPort = port + 10000,
        StartTime = DateTime.UtcNow,
        IAmAliveTime = iAmAlive ?? DateTime.UtcNow,
    };

    private async Task<(AdoNetClusteringTable Table, string ConnectionString)> CreateTableAsync(string? connectionString = null)
    {
        if (connectionString is null)
        {
            connectionString = await postgres.CreateDatabaseAsync(Ct);
            await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, Ct);
        }

        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = ClusterId, ServiceId = "test-service" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = "Npgsql", ConnectionString = connectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true, Ct);
        return (table, connectionString);
    }
}
