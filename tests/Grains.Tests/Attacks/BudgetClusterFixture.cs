using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Limits;
using ChatbotOrleans.TestSupport;

namespace ChatbotOrleans.Grains.Tests.Attacks;

/// <summary>A cluster of its own with shared budgets small enough for a test to spend them.</summary>
public sealed class BudgetClusterFixture(PostgresServerFixture postgres) : ClusterFixture(postgres)
{
    public const int NewAccountsPerNetwork = 3;
    public const int NewAccounts = 8;
    public const int MessagesPerNetwork = 30;
    public const int Messages = 50;
    public const int ConversationsPerUser = 3;
    public const int NewConversationsPerMinute = 4;

    /// <summary>Users made before any test spends the service-wide budget of new accounts.</summary>
    public IReadOnlyList<UserId> Users { get; private set; } = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var users = new List<UserId>();
        for (var i = 0; i < 2; i++)
        {
            var signIn = await Client.GetGrain<ISignInGrain>(0).SignInAsync($"budget-{i}-{Guid.NewGuid():N}@example.com", TestNetworks.Unique());
            users.Add(signIn.User!.Id);
        }

        Users = users;
    }

    protected override void ConfigureBudgets(BudgetOptions options)
    {
        options.MaxNewAccountsPerNetworkPerHour = NewAccountsPerNetwork;
        options.MaxNewAccountsPerHour = NewAccounts;
        options.MaxMessagesPerNetworkPerMinute = MessagesPerNetwork;
        options.MaxMessagesPerMinute = Messages;
        options.MaxConversationsPerUser = ConversationsPerUser;
        options.MaxNewConversationsPerMinute = NewConversationsPerMinute;
    }
}
