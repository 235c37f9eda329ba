using System.Globalization;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.LocalRun;
using ChatbotOrleans.TestSupport;
using ChatbotOrleans.TestSupport.FakeOpenAI;
using Orleans.Configuration;
using Shouldly;

namespace ChatbotOrleans.Integration.Tests.Faults;

/// <summary>
/// A two-silo cluster loses the silo that is streaming a reply. To SIGKILL: the reply sweep finds the user message
/// the log holds no reply for and wakes the conversation on the surviving silo, which writes the reply again, once.
/// To SIGTERM: the leaving silo finishes the reply itself, and the model is asked once.
/// </summary>
public sealed class SiloKillTests(PostgresServerFixture postgres)
{
    private const int ReplyWords = 40;
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(40);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reply_whose_silo_is_killed_mid_stream_is_finished_once_by_the_surviving_silo()
    {
        await using var harness = await SiloProcessHarness.CreateAsync(postgres, Token);
        var app = harness.Topology;
        (await app.MigrateAsync(Token)).ExitCode.ShouldBe(0);
        var expectedReply = string.Join(' ', Enumerable.Range(1, ReplyWords).Select(i => $"word{i}"));
        app.Model.ReplyText = _ => expectedReply;
        app.Model.TokenDelay = TimeSpan.FromMilliseconds(100);
        var silos = await StartTwoSilosAsync(app);

        // A call to the dead silo must fail fast, so the polls below see the recovery, not a 30 s timeout. The
        // setup, on cold grains, keeps the default timeout: on a loaded machine its first calls took over 3 s.
        var client = await harness.ConnectClientAsync(
            Token, c => c.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(3)));
        var (user, setupGrain) = await ConversationAsync(await harness.ConnectClientAsync(Token));
        var grain = client.GetGrain<IConversationGrain>(setupGrain.GetPrimaryKey());

        var first = new SendMessage(MessageId.New(), "answer slowly please");
        (await setupGrain.SendAsync(user, first, Token)).Outcome.ShouldBe(ChangeOutcome.Accepted);
        await Poll.UntilAsync(
            () => Task.FromResult(app.Model.Requests is [var streaming, ..] ? streaming.TokensSent : 0), sent => sent >= 3, TimeSpan.FromSeconds(20), "the reply to start streaming");
        var host = await client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain, Token);
        var hostPort = host.ShouldNotBeNull("the conversation is active somewhere").Endpoint.Port;
        silos.ShouldContainKey(hostPort, $"the conversation lives on one of our silos ({host})");
        var survivorPort = silos.Keys.Single(p => p != hostPort);
        var tokensBeforeKill = app.Model.Requests[0].TokensSent;
        app.Model.TokenDelay = TimeSpan.FromMilliseconds(10);

        await silos[hostPort].KillAsync();
        var killedAt = DateTime.UtcNow;
        var snapshot = await Poll.UntilAsync(
            () => SnapshotOrNullAsync(grain, user),
            s => s is { QueuedReplies: 0, Messages.Count: >= 2 },
            RecoveryDeadline,
            "the surviving silo to finish the reply");
        var recovery = DateTime.UtcNow - killedAt;

        var counts = $"sent 1, stored user messages {snapshot!.Messages.Count(m => m.Role == ChatRole.User)}, "
            + $"stored replies {snapshot.Messages.Count(m => m.Role == ChatRole.Assistant)}, model requests {app.Model.RequestsStarted}, "
            + $"tokens before the kill {tokensBeforeKill}, recovered in {recovery.TotalSeconds:0.0} s";
        snapshot.Messages.Select(m => (m.Sequence, m.Role)).ShouldBe([(1L, ChatRole.User), (2L, ChatRole.Assistant)], counts);
        snapshot.Messages[0].Id.ShouldBe(first.Id, counts);
        snapshot.Messages[0].Text.ShouldBe(first.Text, counts);
        snapshot.Messages[1].ReplyTo.ShouldBe(first.Id, counts);
        snapshot.Messages[1].Status.ShouldBe(ReplyStatus.Complete, counts);
        snapshot.Messages[1].Text.ShouldBe(expectedReply, counts);
        tokensBeforeKill.ShouldBeLessThan(ReplyWords, "the kill came before the reply was complete; " + counts);
        (await client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain, Token))!.Endpoint.Port.ShouldBe(survivorPort, counts);

        // The survivor carries on as the whole cluster.
        var second = new SendMessage(MessageId.New(), "and now?");
        (await grain.SendAsync(user, second, Token)).Outcome.ShouldBe(ChangeOutcome.Accepted, counts);
        snapshot = await Poll.UntilAsync(
            () => SnapshotOrNullAsync(grain, user), s => s is { QueuedReplies: 0, Messages.Count: >= 4 }, RecoveryDeadline, "the next reply");
        snapshot!.Messages.Select(m => m.Sequence).ShouldBe([1L, 2L, 3L, 4L], counts);
        snapshot.Messages.Count(m => m.Role == ChatRole.Assistant && m.Status == ReplyStatus.Complete).ShouldBe(2, counts);
        TestContext.Current.TestOutputHelper?.WriteLine($"Silo kill: {counts}");
    }

    [Fact]
    public async Task A_reply_whose_silo_is_stopped_mid_stream_is_finished_by_that_silo_and_the_model_asked_once()
    {
        await using var harness = await SiloProcessHarness.CreateAsync(postgres, Token);
        var app = harness.Topology;
        (await app.MigrateAsync(Token)).ExitCode.ShouldBe(0);
        var expectedReply = string.Join(' ', Enumerable.Range(1, 8).Select(i => $"word{i}"));
        app.Model.ReplyText = _ => expectedReply;

        // Held after three words until the leaving silo says it finishes the reply: released sooner, the reply
        // could end before the SIGTERM whether or not a leaving silo finishes what it writes.
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Model.BeforeTokenAsync = (_, index, ct) => index == 3 ? held.Task.WaitAsync(ct) : Task.CompletedTask;

        // Production's sweep grace and shutdown time: with the fault tests' (none, 5 s) the survivor's sweep may wake
        // the conversation while the leaving silo still writes its reply, or the stop may cut the reply off.
        var silos = await StartTwoSilosAsync(app, ("Conversations__ReplySweepGrace", "00:00:30"), ("Shutdown__Timeout", "00:00:30"));
        var client = await harness.ConnectClientAsync(Token);
        var (user, grain) = await ConversationAsync(client);

        var question = new SendMessage(MessageId.New(), "answer while your silo leaves");
        (await grain.SendAsync(user, question, Token)).Outcome.ShouldBe(ChangeOutcome.Accepted);
        await Poll.UntilAsync(
            () => Task.FromResult(app.Model.Requests is [var streaming, ..] ? streaming.TokensSent : 0), sent => sent >= 3, TimeSpan.FromSeconds(20), "the reply to start streaming");
        var host = await client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain, Token);
        var leaving = silos[host.ShouldNotBeNull("the conversation is active somewhere").Endpoint.Port];

        var stopping = leaving.StopAsync(TimeSpan.FromSeconds(30));
        await Poll.UntilAsync(
            () => Task.FromResult(app.Output.Any(line => line.Contains("finishes the reply it is writing before its silo leaves", StringComparison.Ordinal))),
            said => said, TimeSpan.FromSeconds(20), "the leaving silo to say it finishes the reply");
        held.SetResult();
        await stopping;

        var snapshot = await Poll.UntilAsync(
            () => SnapshotOrNullAsync(grain, user), s => s is { QueuedReplies: 0, Messages.Count: >= 2 }, RecoveryDeadline, "the reply to be stored");

        // A second request would come from an activation on the survivor answering again: give it time to show.
        await Task.Delay(TimeSpan.FromSeconds(8), Token);
        var requests = app.Model.Requests;
        var counts = $"model requests {requests.Count} [{string.Join(", ", requests.Select(r => $"{r.Outcome} after {r.TokensSent} tokens at {r.StartedAt:HH:mm:ss.fff}"))}], "
            + $"stored {string.Join(", ", snapshot!.Messages.Select(m => $"{m.Sequence} {m.Role} {m.Status}"))}, silo exit code {leaving.ExitCode}";
        TestContext.Current.TestOutputHelper?.WriteLine($"Silo stop: {counts}");
        requests.Count.ShouldBe(1, counts + "\n" + string.Join('\n', app.Output.TakeLast(60)));
        snapshot.Messages.Select(m => (m.Sequence, m.Role)).ShouldBe([(1L, ChatRole.User), (2L, ChatRole.Assistant)], counts);
        (snapshot.Messages[1].ReplyTo, snapshot.Messages[1].Status, snapshot.Messages[1].Text).ShouldBe((question.Id, ReplyStatus.Complete, expectedReply), counts);
        requests[0].Outcome.ShouldBe(FakeRequestOutcome.Completed, counts);
        leaving.ExitCode.ShouldBe(0, counts);
    }

    private static async Task<Dictionary<int, AppProcess>> StartTwoSilosAsync(AppTopology app, params (string Key, string? Value)[] more)
    {
        var silos = new Dictionary<int, AppProcess>();
        for (var i = 0; i < 2; i++)
        {
            var port = FreePort.Any();
            var (process, _) = await app.StartSiloAsync(Token, FaultTuning.SiloSettingsWith(
                [
                    ("Orleans__SiloPort", port.ToString(CultureInfo.InvariantCulture)),
                    ("Orleans__GatewayPort", FreePort.Any().ToString(CultureInfo.InvariantCulture)),
                    .. more,
                ]));
            silos[port] = process;
        }

        return silos;
    }

    private static async Task<(UserId User, IConversationGrain Grain)> ConversationAsync(IClusterClient client)
    {
        var signIn = await client.GetGrain<ISignInGrain>(0).SignInAsync($"kill-{Guid.NewGuid():N}@example.com", TestNetworks.Unique());
        var user = signIn.User.ShouldNotBeNull(signIn.Error).Id;
        var conversation = await client.GetGrain<IUserGrain>(user.Value).StartConversationAsync();
        return (user, client.GetGrain<IConversationGrain>(conversation.Id.Value));
    }

    /// <summary>
    /// The snapshot, or null while the cluster still routes calls to the dead silo. A directory lookup the dead silo
    /// owned is cancelled when the membership changes: an OperationCanceledException, as the frontend counts it too.
    /// </summary>
    private static async Task<ConversationSnapshot?> SnapshotOrNullAsync(IConversationGrain grain, UserId user)
    {
        try
        {
            return await grain.GetSnapshotAsync(user);
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException or OperationCanceledException)
        {
            return null;
        }
    }
}
