using ChatbotOrleans.Grains.Usage;
using ChatbotOrleans.Silo.Usage;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.Usage;

public sealed class UsageReportTests
{
    private static readonly DateOnly Day = new(2026, 12, 3);
    private static readonly Guid Ana = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Ben = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    private static readonly Dictionary<Guid, string> Addresses = new() { [Ana] = "ana@example.com", [Ben] = "ben@example.com" };

    private static readonly UsageRow[] Rows =
    [
        new(Ana, "gpt-4o-mini", 2, 1_000, 500, 0),
        new(Ben, "gpt-4o-mini", 1, 3_000, 1_000, 0),
        new(Ana, "offline", 4, 200, 100, 4),
    ];

    [Fact]
    public void The_day_lists_its_totals_its_top_users_and_its_models_by_tokens_without_cost_when_no_price_is_set() =>
        UsageReport.Format(Day, Rows, Addresses, new Dictionary<string, TokenPrice>(), top: 10).ShouldBe(
            """
            Usage on 2026-12-03 (UTC): 7 replies, 5,800 tokens (4 of the replies estimated).

            Top 10 users                         replies      input     output      total
            ben@example.com                            1      3,000      1,000      4,000
            ana@example.com                            6      1,200        600      1,800

            Models                               replies      input     output      total
            gpt-4o-mini                                3      4,000      1,500      5,500
            offline                                    4        200        100        300

            """.ReplaceLineEndings("\n"));

    [Fact]
    public void With_prices_each_line_costs_what_its_models_cost_and_a_model_without_a_price_leaves_a_dash()
    {
        var prices = new Dictionary<string, TokenPrice> { ["gpt-4o-mini"] = new(0.15m, 0.60m) };

        var lines = UsageReport.Format(Day, Rows, Addresses, prices, top: 1).Split('\n');

        lines[0].ShouldBe("Usage on 2026-12-03 (UTC): 7 replies, 5,800 tokens (4 of the replies estimated), cost unknown: a model has no price.");
        lines[2].ShouldEndWith("total       cost");
        lines[3].ShouldStartWith("ben@example.com ");
        lines[3].ShouldEndWith("4,000     1.0500", Case.Sensitive, "3,000 × 0.15 / 1,000 + 1,000 × 0.60 / 1,000");
        lines[4].ShouldBeEmpty("top 1: Ana is left out");
        lines[6].ShouldEndWith("5,500     1.5000");
        lines[7].ShouldEndWith("300          -");
    }

    [Fact]
    public void A_day_without_replies_says_so() =>
        UsageReport.Format(Day, [], Addresses, new Dictionary<string, TokenPrice>(), top: 10).ShouldBe("No replies on 2026-12-03 (UTC).\n");

    [Fact]
    public void A_user_who_no_longer_exists_shows_by_id_marked_deleted_deleted_accounts_share_a_line_and_a_long_address_keeps_the_columns_in_line()
    {
        var longAddress = "a.very.long.address.for.the.column@subdomain.example.com";
        UsageRow[] rows = [new(Ana, "m", 1, 10, 5, 0), new(Ben, "m", 1, 20, 5, 0), new(Guid.Empty, "m", 3, 30, 5, 1), new(Guid.Empty, "offline", 1, 1, 1, 1)];

        var text = UsageReport.Format(Day, rows, new Dictionary<Guid, string> { [Ana] = longAddress }, new Dictionary<string, TokenPrice>(), top: 10);

        text.ShouldContain(
            $"""
            Top 10 users                                             replies      input     output      total
            deleted accounts                                               4         31          6         37
            00000000-0000-0000-0000-00000000000b (deleted)                 1         20          5         25
            {longAddress}       1         10          5         15

            Models                               replies
            """.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData(null, "2026-12-03")]
    [InlineData("2026-11-30", "2026-11-30")]
    public void The_day_is_the_one_given_or_today_in_utc(string? day, string expected) =>
        UsageCommand.ParseDay(day, new DateTimeOffset(2026, 12, 4, 1, 0, 0, TimeSpan.FromHours(3))).ToString("yyyy-MM-dd", null).ShouldBe(expected);

    [Fact]
    public void A_malformed_day_is_refused_with_the_form_it_takes() =>
        Should.Throw<Exception>(() => UsageCommand.ParseDay("3/12/2026", DateTimeOffset.UtcNow))
            .Message.ShouldBe("--day must be a date such as 2026-12-03, but was '3/12/2026'.");
}
