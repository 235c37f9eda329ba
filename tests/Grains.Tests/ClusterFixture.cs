using System.Reflection;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Email;
using ChatbotOrleans.Grains.Hosting;
using ChatbotOrleans.Grains.Limits;
using ChatbotOrleans.Silo.Conversations;
using ChatbotOrleans.Silo.Email;
using ChatbotOrleans.Silo.Hosting;
using ChatbotOrleans.Silo.Migrations;
using ChatbotOrleans.TestSupport;
using ChatbotOrleans.TestSupport.Smtp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>
/// A one-silo cluster on a fresh, migrated PostgreSQL database, configured with the production
/// providers (ADO.NET membership, storage, reminders), the PostgreSQL message log and the reply sweep
/// (every second), the scripted model, and the MailKit sender
/// talking to an SMTP sink that refuses recipients named "reject-…" (5xx) and "busy-…" (4xx).
/// </summary>
public class ClusterFixture(PostgresServerFixture postgres) : IAsyncLifetime
{
    public const int WindowSize = 4;
    public const int ContextBudget = 300;
    public const int MailAttempts = 4;

    public ScriptedChatModel Model { get; } = new();

    public SmtpSink Mail { get; } = SmtpSink.Start();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public string ConnectionString { get; private set; } = "";

    public virtual async ValueTask InitializeAsync()
    {
        ConnectionString = await postgres.CreateDatabaseAsync();
        await DatabaseMigrator.MigrateAsync(ConnectionString, NullLogger.Instance, CancellationToken.None);
        Mail.RecipientReply = to => to.StartsWith("reject-", StringComparison.Ordinal) ? "550 5.1.1 No such user here"
            : to.StartsWith("busy-", StringComparison.Ordinal) ? "451 4.3.0 Try again later" : null;

        var builder = new InProcessTestClusterBuilder(SiloCount);
        UseRealMembership(builder.Options);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseChatbotProviders(ConnectionString);
            silo.UseChatbotJobs();
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            ConfigureSilo(silo);
        });
        builder.ConfigureSiloHost((_, host) =>
        {
            host.AddGrains();
            ConfigureModels(host);
            host.Services.AddMessageLog(ConnectionString);
            host.Services.AddSingleton<IEmailSender>(new MailKitEmailSender(Options.Create(new SmtpOptions
            {
                Host = "127.0.0.1",
                Port = Mail.Port,
                TlsMode = SmtpTlsMode.None,
                Timeout = TimeSpan.FromSeconds(5),
            })));
            host.Services.Configure<EmailOptions>(o =>
            {
                o.RetryInitialDelay = TimeSpan.FromSeconds(1);
                o.RetryMaxDelay = TimeSpan.FromSeconds(2);
                o.MaxAttempts = MailAttempts;
                o.PublicUrl = "http://chatbot.test";
            });
            host.Services.Configure<ConversationOptions>(o =>
            {
                o.WindowSize = WindowSize;
                o.ContextCharacterBudget = ContextBudget;
                o.ReplyGuardPeriod = TimeSpan.FromSeconds(1);
                o.ReplySweepPeriod = TimeSpan.FromSeconds(1);
                o.ReplySweepGrace = TimeSpan.Zero;
                ConfigureConversations(o);
            });
            host.Services.Configure<BudgetOptions>(ConfigureBudgets);
        });
        builder.ConfigureClient(client =>
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = ConnectionString;
            });
            ConfigureClientStreams(client);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>
    /// Starts a reply the model holds, kills the conversation's activation mid-stream, lets the model go,
    /// and waits (without calling the grain) until something restarts the reply on its own.
    /// </summary>
    /// <returns>The user, the conversation and the held message's text.</returns>
    public async Task<(UserId User, IConversationGrain Conversation, string Held)> CutOffReplyAndAwaitRestartAsync(string restartedBy)
    {
        var (user, conversation) = await NewConversationAsync();
        var held = $"hold: {Guid.NewGuid():N}";
        await conversation.SendAsync(user, new SendMessage(MessageId.New(), held));
        await Model.WhenHoldingAsync(held);

        await Cluster.DeactivateAsync(conversation);
        await Cluster.WaitForDeactivationAsync(conversation);
        Model.Release(held);
        await Poll.UntilAsync(() => Task.FromResult(Model.CallsFor(held)), calls => calls >= 2, TimeSpan.FromSeconds(30), restartedBy + " to restart the reply");
        return (user, conversation, held);
    }

    /// <summary>
    /// Lets a derived fixture change the shared budgets of its own cluster. Here they are out of reach: the tests
    /// of this collection together send more than production's 600 messages a minute and make more accounts than
    /// 1,000 an hour, and the sign-in limit's own test makes 60 from one network. BudgetAttackTests spend them.
    /// </summary>
    protected virtual void ConfigureBudgets(BudgetOptions options)
    {
        options.MaxMessagesPerMinute = 1_000_000;
        options.MaxNewAccountsPerHour = 1_000_000;
        options.MaxNewAccountsPerNetworkPerHour = 1_000_000;
    }

    /// <summary>Lets a derived fixture offer other models than the scripted one.</summary>
    protected virtual void ConfigureModels(IHostApplicationBuilder host) => host.Services.AddSingleton<IChatModel>(Model);

    /// <summary>Lets a derived fixture change the conversation rules of its own cluster.</summary>
    protected virtual void ConfigureConversations(ConversationOptions options)
    {
    }

    /// <summary>How many silos the cluster starts with.</summary>
    protected virtual short SiloCount => 1;

    /// <summary>Lets a derived fixture tune its own cluster's silo further (its streams, for one).</summary>
    protected virtual void ConfigureSilo(ISiloBuilder silo)
    {
    }

    /// <summary>The client's streams: a fixture whose client publishes must pick queues as its silo does.</summary>
    protected virtual void ConfigureClientStreams(IClientBuilder client) => client.AddMemoryStreams(ConversationStreams.ProviderName);

    /// <summary>Signs in a new user and starts a conversation for them.</summary>
    public async Task<(UserId User, IConversationGrain Conversation)> NewConversationAsync()
    {
        var signIn = await Client.GetGrain<ISignInGrain>(0).SignInAsync($"user-{Guid.NewGuid():N}@example.com", TestNetworks.Unique());
        var user = signIn.User!.Id;
        var summary = await Client.GetGrain<IUserGrain>(user.Value).StartConversationAsync();
        return (user, Client.GetGrain<IConversationGrain>(summary.Id.Value));
    }

    /// <summary>
    /// The in-process cluster registers its own in-memory membership table after ours unless this
    /// option is off, and Orleans 10.4 does not expose its setter; the wiring test proves it took.
    /// </summary>
    private static void UseRealMembership(InProcessTestClusterOptions options)
    {
        var property = typeof(InProcessTestClusterOptions).GetProperty(nameof(TestClusterOptions.UseTestClusterMembership), BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("InProcessTestClusterOptions.UseTestClusterMembership is gone; find the new way to use ADO.NET membership in tests.");
        property.SetValue(options, false);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        await Mail.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
