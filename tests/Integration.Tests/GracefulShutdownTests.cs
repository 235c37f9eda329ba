using ChatbotOrleans.TestSupport;
using Npgsql;
using Shouldly;

namespace ChatbotOrleans.Integration.Tests;

public sealed class GracefulShutdownTests(PostgresServerFixture postgres)
{
    private const int Active = 3;
    private const int Dead = 6;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_SIGTERM_the_silo_leaves_the_cluster_and_exits_cleanly()
    {
        await using var app = await AppTopology.CreateAsync(postgres, Token);
        (await app.MigrateAsync(Token)).ExitCode.ShouldBe(0);
        var (silo, _) = await app.StartSiloAsync(Token);
        var before = await StatusesAsync(app);

        await silo.StopAsync(TimeSpan.FromSeconds(60));
        var after = await StatusesAsync(app);

        before.ShouldBe([Active]);
        silo.ExitCode.ShouldBe(0, string.Join('\n', app.Output.TakeLast(30)));
        after.ShouldBe([Dead], "a silo that shut down gracefully declares itself dead instead of waiting to be voted out");
    }

    private static async Task<List<int>> StatusesAsync(AppTopology app)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand("select status from orleansmembershiptable where deploymentid = @cluster", connection);
        command.Parameters.AddWithValue("cluster", app.ClusterId);
        var statuses = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            statuses.Add(reader.GetInt32(0));
        }

        return statuses;
    }
}
