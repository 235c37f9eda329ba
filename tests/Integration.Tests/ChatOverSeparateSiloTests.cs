using System.Threading.Channels;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.TestSupport;
using Orleans.Streams;
using Shouldly;

namespace ChatbotOrleans.Integration.Tests;

public sealed class ChatOverSeparateSiloTests(PostgresServerFixture postgres)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_client_in_another_process_sends_a_message_and_receives_the_streamed_reply_from_the_model()
    {
        await using var harness = await SiloProcessHarness.CreateAsync(postgres, Token);
        var (exitCode, output) = await harness.Topology.MigrateAsync(Token);
        exitCode.ShouldBe(0, output);
        harness.Topology.Model.TokenDelay = TimeSpan.FromMilliseconds(20);
        await harness.Topology.StartSiloAsync(Token);
        var client = await harness.ConnectClientAsync(Token);

        var signIn = await client.GetGrain<ISignInGrain>(0).SignInAsync("Ana@Example.com", TestNetworks.Unique());
        signIn.Succeeded.ShouldBeTrue(signIn.Error);
        var user = signIn.User!.Id;
        var conversation = await client.GetGrain<IUserGrain>(user.Value).StartConversationAsync();
        var grain = client.GetGrain<IConversationGrain>(conversation.Id.Value);

        var events = Channel.CreateUnbounded<ConversationEvent>();
        var stream = client.GetStreamProvider(ConversationStreams.ProviderName)
            .GetStream<ConversationEvent>(StreamId.Create(ConversationStreams.Namespace, conversation.Id.Value));
        var subscription = await stream.SubscribeAsync((e, _) => events.Writer.WriteAsync(e, Token).AsTask());

        var sent = await grain.SendAsync(user, new SendMessage(MessageId.New(), "hello from another process"), Token);
        sent.Outcome.ShouldBe(ChangeOutcome.Accepted);

        var added = (MessageAdded)await NextAsync(events);
        added.Message.Sequence.ShouldBe(1);
        added.Message.Text.ShouldBe("hello from another process");

        var streamed = "";
        var deltas = 0;
        ReplyCompleted? completed = null;
        while (completed is null)
        {
            switch (await NextAsync(events))
            {
                case ReplyDelta delta:
                    delta.Offset.ShouldBe(streamed.Length);
                    streamed += delta.Text;
                    deltas++;
                    break;
                case ReplyCompleted done:
                    completed = done;
                    break;
                case var other:
                    throw new ShouldAssertException($"Unexpected event {other}");
            }
        }

        deltas.ShouldBeGreaterThan(1, "the reply must arrive in several deltas, not at once");
        streamed.ShouldBe("Echo: hello from another process");
        completed.Message.Text.ShouldBe(streamed);
        completed.Message.Sequence.ShouldBe(2);
        completed.Message.Model.ShouldBe("fake-model");
        harness.Topology.Model.Requests.ShouldHaveSingleItem().LastUserText.ShouldBe("hello from another process");

        var snapshot = await grain.GetSnapshotAsync(user);
        snapshot.ShouldNotBeNull().Messages.Select(m => m.Text).ShouldBe(["hello from another process", streamed]);
        await subscription.UnsubscribeAsync();
    }

    [Fact]
    public async Task Migrate_applies_every_migration_once_and_a_second_run_applies_nothing()
    {
        await using var harness = await SiloProcessHarness.CreateAsync(postgres, Token);

        var first = await harness.Topology.MigrateAsync(Token);
        var second = await harness.Topology.MigrateAsync(Token);

        first.ExitCode.ShouldBe(0, first.Output);
        first.Output.ShouldContain("Applied");
        second.ExitCode.ShouldBe(0, second.Output);
        second.Output.ShouldContain("up to date");
    }

    [Fact]
    public async Task A_silo_without_a_connection_string_stops_at_once_with_one_line_saying_what_to_set()
    {
        await using var harness = await SiloProcessHarness.CreateAsync(postgres, Token);
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var layout = LocalRun.RepositoryLayout.Find();
        var process = LocalRun.AppProcess.Start(
            "silo", layout.SiloAssembly, layout.SiloDirectory, new Dictionary<string, string?> { ["ConnectionStrings__Orleans"] = "" }, lines.Enqueue);

        await process.Exited.WaitAsync(TimeSpan.FromSeconds(60), Token);

        process.ExitCode.ShouldBe(2);
        lines.ShouldContain(l => l.Contains("error: ConnectionStrings:Orleans is not set", StringComparison.Ordinal));
    }

    private static async Task<ConversationEvent> NextAsync(Channel<ConversationEvent> events)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        return await events.Reader.ReadAsync(timeout.Token);
    }
}
