using System.Text.RegularExpressions;
using ChatbotOrleans.Grains.Email;
using ChatbotOrleans.TestSupport;
using Npgsql;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>Reads what the outbox did: its grain's delivery, its reminder row, the links in received mail.</summary>
internal static partial class MailAssertions
{
    public static Task<EmailDelivery> WaitForDeliveryAsync(this ClusterFixture fixture, Guid emailId, Func<EmailDelivery, bool> done, string what) =>
        Poll.UntilAsync(() => fixture.Client.GetGrain<IEmailOutboxGrain>(emailId).GetDeliveryAsync(), done, TimeSpan.FromSeconds(30), what);

    public static async Task<long> RetryRemindersAsync(this ClusterFixture fixture, Guid emailId)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from orleansreminderstable where remindername = 'email-retry' and grainid like @id", connection);
        command.Parameters.AddWithValue("id", $"%{emailId:N}%");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static string SignInToken(string textBody) =>
        LinkToken().Match(textBody) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No sign-in link in: " + textBody);

    [GeneratedRegex(@"/signin/link[?#]token=([A-Za-z0-9_-]+)")]
    private static partial Regex LinkToken();
}
