using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Silo.Streams;
using ChatbotOrleans.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>Proves the cluster really runs on PostgreSQL through the ADO.NET providers, not on in-memory stand-ins.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterWiringTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Membership_grain_state_messages_and_reminders_are_rows_in_PostgreSQL()
    {
        var (user, conversation) = await fixture.NewConversationAsync();
        await conversation.SendAsync(user, new SendMessage(MessageId.New(), "persist me"), TestContext.Current.CancellationToken);
        await conversation.WaitForSequenceAsync(user, 2);

        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);

        (await CountAsync(connection, "select count(*) from orleansmembershiptable where status = 3")).ShouldBeGreaterThanOrEqualTo(1);
        (await CountAsync(connection, "select count(*) from orleansstorage where graintypestring like '%conversation%'")).ShouldBeGreaterThanOrEqualTo(1);
        (await CountAsync(connection, "select count(*) from conversation_messages where text = 'persist me'")).ShouldBe(1);
        (await CountAsync(connection, "select count(*) from orleansreminderstable where remindername in ('housekeeping', 'reply-sweep')")).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Signing_in_again_with_the_same_address_in_another_case_emails_a_link_instead_of_signing_in()
    {
        var address = $"Mixed.{Guid.NewGuid():N}@Example.COM";
        var signIn = fixture.Client.GetGrain<ISignInGrain>(0);

        var first = await signIn.SignInAsync(address, TestNetworks.Unique());
        var second = await signIn.SignInAsync("  " + address.ToLowerInvariant() + " ", TestNetworks.Unique());
        var invalid = await signIn.SignInAsync("not an address", TestNetworks.Unique());

        first.User.ShouldNotBeNull().Email.ShouldBe(address.ToLowerInvariant());
        second.User.ShouldBeNull();
        second.LinkSent.ShouldBeTrue();
        second.Error.ShouldBeNull();
        invalid.Succeeded.ShouldBeFalse();
        invalid.Error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_users_conversations_are_listed_newest_first_with_the_title_of_their_first_message()
    {
        var (user, first) = await fixture.NewConversationAsync();
        await first.SendAsync(user, new SendMessage(MessageId.New(), "Plan a trip to Lisbon\nwith details"), TestContext.Current.CancellationToken);
        await first.WaitForSequenceAsync(user, 2);
        var second = await fixture.Client.GetGrain<IUserGrain>(user.Value).StartConversationAsync();

        var list = await fixture.Client.GetGrain<IUserGrain>(user.Value).ListConversationsAsync();

        list.Count.ShouldBe(2);
        list[0].Id.ShouldBe(second.Id);
        list[1].Title.ShouldBe("Plan a trip to Lisbon");
    }

    [Fact]
    public async Task A_new_conversation_streams_through_a_queue_its_silo_reads()
    {
        var services = fixture.Cluster.Silos[0].ServiceProvider;
        var local = services.GetRequiredKeyedService<LocalQueues>(ConversationStreams.ProviderName);
        var (_, conversation) = await fixture.NewConversationAsync();

        // A single silo reads every queue, once its balancer has been handed the queues.
        local.Mine.Count.ShouldBe(ConversationStreams.QueueCount);
        services.GetRequiredService<IConversationIds>().ShouldBeOfType<LocalQueueConversationIds>();
        local.Reads(StreamId.Create(ConversationStreams.Namespace, conversation.GetPrimaryKey())).ShouldBeTrue();
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
