using Npgsql;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.LocalPostgres;

public sealed class LocalPostgresTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("chatbot-localpg-test-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Server_starts_answers_and_keeps_data_across_a_restart_on_the_same_directory()
    {
        var dataDirectory = Path.Combine(_directory, "data");
        var log = new List<string>();

        await using (var first = await ChatbotOrleans.LocalRun.LocalPostgres.StartAsync(dataDirectory, port: null, fastButUnsafe: true, log.Add, Ct))
        {
            (await ScalarAsync(first.ConnectionString(), "SELECT 1")).ShouldBe(1);
            await first.CreateDatabaseAsync("app", Ct);
            await first.CreateDatabaseAsync("app", Ct);
            await ScalarAsync(first.ConnectionString("app"), "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42); SELECT 0");
        }

        await using var second = await ChatbotOrleans.LocalRun.LocalPostgres.StartAsync(dataDirectory, port: null, log.Add, Ct);
        (await ScalarAsync(second.ConnectionString("app"), "SELECT id FROM kept")).ShouldBe(42);
        log.ShouldContain(line => line.Contains("initdb", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Starting_on_a_running_data_directory_reuses_the_server_and_leaves_it_running()
    {
        var dataDirectory = Path.Combine(_directory, "data");
        await using var owner = await ChatbotOrleans.LocalRun.LocalPostgres.StartAsync(dataDirectory, port: null, fastButUnsafe: true, log: null, Ct);

        await using (var reused = await ChatbotOrleans.LocalRun.LocalPostgres.StartAsync(dataDirectory, port: null, log: null, Ct))
        {
            reused.Port.ShouldBe(owner.Port);
        }

        (await ScalarAsync(owner.ConnectionString(), "SELECT 1")).ShouldBe(1);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<int> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
