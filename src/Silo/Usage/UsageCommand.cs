using System.Globalization;
using ChatbotOrleans.ServiceDefaults;
using ChatbotOrleans.Silo.ChatModels;
using ChatbotOrleans.Silo.Hosting;
using Npgsql;

namespace ChatbotOrleans.Silo.Usage;

/// <summary>
/// <c>silo usage --day [YYYY-MM-DD]</c>: the day's top users (by address) and models by tokens, read from
/// <c>reply_usage</c> and the users' stored state on ConnectionStrings:Orleans (no silo needs to run), with cost
/// from each configured model's prices when set.
/// </summary>
internal static class UsageCommand
{
    public static async Task<int> RunAsync(string? day, int top, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder([.. args]);
        builder.Configuration.AddDockerSecrets();
        var connectionString = DatabaseConnection.Read(builder.Configuration);
        var models = ChatModelConfiguration.Read(
            builder.Configuration.GetSection(OpenAIOptions.SectionName).Get<OpenAIOptions>() ?? new OpenAIOptions(),
            builder.Configuration.GetSection(ChatModelsOptions.SectionName).Get<ChatModelsOptions>() ?? new ChatModelsOptions());
        var date = ParseDay(day, DateTimeOffset.UtcNow);
        if (top < 1)
        {
            throw new ConfigurationException($"--top must be 1 or more, but was {top}.");
        }

        var rows = await ReadAsync(connectionString, date, cancellationToken);
        var serviceId = (builder.Configuration.GetSection(SiloHostOptions.SectionName).Get<SiloHostOptions>() ?? new SiloHostOptions()).ServiceId;
        var addresses = await UserAddresses.ReadAsync(connectionString, serviceId, [.. rows.Select(r => r.User).Distinct()], cancellationToken);
        await output.WriteAsync(UsageReport.Format(date, rows, addresses, ChatModelConfiguration.PricesOf(models).ByModel, top));
        return 0;
    }

    /// <summary>The day asked for, or today (UTC) when none is given.</summary>
    public static DateOnly ParseDay(string? day, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(day) ? DateOnly.FromDateTime(now.UtcDateTime)
        : DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed
        : throw new ConfigurationException($"--day must be a date such as 2026-12-03, but was '{day}'.");

    private static async Task<List<UsageRow>> ReadAsync(string connectionString, DateOnly day, CancellationToken cancellationToken)
    {
        var (since, until) = UsageDay.Range(day);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT user_id, model, count(*), sum(input_tokens)::bigint, sum(output_tokens)::bigint, count(*) FILTER (WHERE estimated)
            FROM reply_usage WHERE created_at >= $1 AND created_at < $2
            GROUP BY user_id, model
            """, connection)
        {
            Parameters =
            {
                new NpgsqlParameter<DateTimeOffset> { TypedValue = since },
                new NpgsqlParameter<DateTimeOffset> { TypedValue = until },
            },
        };
        var rows = new List<UsageRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new UsageRow(reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        }

        return rows;
    }
}
