using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.TestSupport;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>
/// A cluster of its own where conversations expire after seconds and housekeeping runs every second,
/// while the reply sweep and the per-reply guard wait a day (so only housekeeping can restart a stale reply).
/// </summary>
public sealed class RetentionClusterFixture(PostgresServerFixture postgres) : ClusterFixture(postgres)
{
    public static readonly TimeSpan Retention = TimeSpan.FromSeconds(15);

    protected override void ConfigureConversations(ConversationOptions options)
    {
        options.RetentionPeriod = Retention;
        options.HousekeepingPeriod = TimeSpan.FromSeconds(1);
        options.ReplyGuardPeriod = TimeSpan.FromDays(1);
        options.ReplySweepPeriod = TimeSpan.FromDays(1);
    }
}
