using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Usage;
using ChatbotOrleans.Silo.Migrations;
using ChatbotOrleans.Silo.Usage;
using ChatbotOrleans.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.Usage;

/// <summary>The PostgreSQL usage log and the <c>silo usage</c> command against a migrated database.</summary>
public sealed class UsageLogContractTests(PostgresServerFixture postgres)
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Totals_count_a_user_s_or_everyone_s_utc_day_and_a_conversation_and_a_reply_recorded_twice_once()
    {
        var connectionString = await MigratedAsync();
        var log = new PostgresUsageLog(connectionString);
        var (ana, ben) = (UserId.New(), UserId.New());
        var chat = new ConversationId(Guid.NewGuid());
        var twice = Record(ana, chat, 100, 20, Noon);

        await log.RecordAsync(twice, Ct);
        await log.RecordAsync(twice, Ct);
        await log.RecordAsync(Record(ana, new ConversationId(Guid.NewGuid()), 5, 5, Noon.AddHours(11).AddMinutes(59)), Ct);
        await log.RecordAsync(Record(ana, chat, 1_000, 1_000, Noon.AddHours(12)), Ct);
        await log.RecordAsync(Record(ben, chat, 7, 3, Noon.AddHours(-12)), Ct);

        (await log.TotalAsync(new DateOnly(2026, 12, 3), ana, Ct)).ShouldBe(130);
        (await log.TotalAsync(new DateOnly(2026, 12, 3), null, Ct)).ShouldBe(140);
        (await log.TotalAsync(new DateOnly(2026, 12, 4), ana, Ct)).ShouldBe(2_000);
        (await log.ConversationTotalAsync(ana, chat, Ct)).ShouldBe(2_120);
        (await log.ConversationTotalAsync(ben, chat, Ct)).ShouldBe(10, "only the caller's own replies");
    }

    [Fact]
    public async Task A_users_rows_are_listed_oldest_first_with_every_field_and_none_of_another_users()
    {
        var log = new PostgresUsageLog(await MigratedAsync());
        var (ana, ben) = (UserId.New(), UserId.New());
        var later = Record(ana, new ConversationId(Guid.NewGuid()), 5, 6, Noon.AddMinutes(1)) with { Usage = new TokenUsage(5, 6, Estimated: true) };
        var earlier = Record(ana, new ConversationId(Guid.NewGuid()), 100, 20, Noon);

        await log.RecordAsync(later, Ct);
        await log.RecordAsync(Record(ben, earlier.Conversation, 7, 3, Noon), Ct);
        await log.RecordAsync(earlier, Ct);

        (await log.ListAsync(ana, Ct)).ShouldBe([earlier, later]);
    }

    [Fact]
    public async Task The_usage_command_reports_the_day_asked_for_from_the_table()
    {
        var connectionString = await MigratedAsync();
        var user = UserId.New();
        await new PostgresUsageLog(connectionString).RecordAsync(Record(user, new ConversationId(Guid.NewGuid()), 1_200, 34, Noon), Ct);
        using var output = new StringWriter();

        var exit = await UsageCommand.RunAsync(
            "2026-12-03", 10, [$"--ConnectionStrings:Orleans={connectionString}", "--OpenAI:Model=m", "--OpenAI:Endpoint=http://127.0.0.1:9/v1", "--OpenAI:InputPricePer1000Tokens=1", "--OpenAI:OutputPricePer1000Tokens=2"], output, Ct);

        exit.ShouldBe(0);
        output.ToString().ShouldStartWith("Usage on 2026-12-03 (UTC): 1 reply, 1,234 tokens (0 of the replies estimated), cost 1.2680.");
        output.ToString().ShouldContain($"{user.Value} (deleted)       1      1,200         34      1,234     1.2680", customMessage: "no user state row: the id, marked");
    }

    private static UsageRecord Record(UserId user, ConversationId conversation, int input, int output, DateTimeOffset at) =>
        new(user, conversation, MessageId.New(), "m", new TokenUsage(input, output, Estimated: false), at);

    private async Task<string> MigratedAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync(Ct);
        await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, Ct);
        return connectionString;
    }
}
