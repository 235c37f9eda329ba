using ChatbotOrleans.TestSupport;
using Shouldly;

namespace ChatbotOrleans.Integration.Tests;

public sealed class UsageCommandProcessTests(PostgresServerFixture postgres)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_operator_asks_for_a_day_s_usage_and_a_malformed_day_gets_one_line_saying_what_to_type()
    {
        await using var topology = await AppTopology.CreateAsync(postgres, Token);
        (await topology.MigrateAsync(Token)).ExitCode.ShouldBe(0);

        var (listed, output) = await topology.RunSiloCommandAsync(Token, "usage", "--day", "2026-12-03");
        var (refused, error) = await topology.RunSiloCommandAsync(Token, "usage", "--day", "yesterday");

        listed.ShouldBe(0, output);
        output.ShouldContain("No replies on 2026-12-03 (UTC).");
        refused.ShouldBe(2, error);
        error.ShouldContain("error: --day must be a date such as 2026-12-03, but was 'yesterday'.");
    }
}
