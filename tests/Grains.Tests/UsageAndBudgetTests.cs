using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Limits;
using ChatbotOrleans.Grains.Usage;
using ChatbotOrleans.TestSupport;
using ChatbotOrleans.TestSupport.FakeOpenAI;
using Npgsql;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>
/// Usage and the daily token budget through the real OpenAI adapter and the in-test OpenAI-compatible server: what
/// the endpoint counts is stored with the reply and for the operator, and a spent budget never reaches the server.
/// </summary>
[Collection(UsageCollection.Name)]
public sealed class UsageAndBudgetTests(UsageClusterFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Usage_the_stream_reports_is_stored_with_the_reply_for_the_operator_and_shown_to_the_user()
    {
        fixture.Server.UsageFor = request => request.LastUserText.StartsWith("counted:", StringComparison.Ordinal) ? (Prompt: 30, Completion: 5) : null;
        var (user, conversation) = await fixture.NewConversationAsync();

        await conversation.SendAsync(user, new SendMessage(MessageId.New(), "counted: hello"), Ct);
        await conversation.WaitForSequenceAsync(user, 2);
        await fixture.Cluster.DeactivateAsync(conversation);
        var reply = (await conversation.GetHistoryAsync(user, long.MaxValue, 10))[^1];

        reply.Usage.ShouldBe(new TokenUsage(30, 5, Estimated: false), "read back from the log by a new activation");
        (await UsageRowsAsync(user)).ShouldBe([$"{reply.Id.Value} fake-gpt 30 5 False"]);
        var usage = fixture.Client.GetGrain<IUsageGrain>(user.Value);
        (await usage.GetConversationTokensAsync(new ConversationId(conversation.GetPrimaryKey()))).ShouldBe(35);
        (await usage.GetTodayAsync()).Tokens.ShouldBe(35);
    }

    [Fact]
    public async Task An_endpoint_sending_no_usage_yields_an_estimate_marked_estimated()
    {
        fixture.Server.UsageFor = null;
        var (user, conversation) = await fixture.NewConversationAsync();

        await conversation.SendAsync(user, new SendMessage(MessageId.New(), "twelve chars"), Ct);
        var reply = (await conversation.WaitForSequenceAsync(user, 2)).Messages[^1];

        fixture.Server.Requests.Last(r => r.LastUserText == "twelve chars").WantsUsage.ShouldBeTrue("the adapter asks; this server does not answer");
        reply.Usage.ShouldBe(new TokenUsage(
            TokenEstimate.Count("twelve chars") + TokenEstimate.TokensPerMessage, TokenEstimate.Count("Echo: twelve chars"), Estimated: true));
        var rows = await Poll.UntilAsync(() => UsageRowsAsync(user), r => r.Count > 0, TimeSpan.FromSeconds(10), "the usage row");
        rows.ShouldHaveSingleItem().ShouldEndWith("True", Case.Sensitive, "recorded just after the reply is stored");
    }

    [Fact]
    public async Task A_spent_daily_budget_refuses_the_next_message_before_any_request_reaches_the_server()
    {
        fixture.Server.UsageFor = request => request.LastUserText.StartsWith("costly:", StringComparison.Ordinal) ? (Prompt: 90, Completion: 20) : null;
        var (user, conversation) = await fixture.NewConversationAsync();
        await conversation.SendAsync(user, new SendMessage(MessageId.New(), "costly: first"), Ct);
        await conversation.WaitForSequenceAsync(user, 2);
        var usage = fixture.Client.GetGrain<IUsageGrain>(user.Value);
        await Poll.UntilAsync(() => usage.GetTodayAsync(), u => u.Tokens == 110, TimeSpan.FromSeconds(10), "the first reply's tokens counted");
        var requestsBefore = fixture.Server.RequestsStarted;

        var before = DateTimeOffset.UtcNow;
        var refused = await conversation.SendAsync(user, new SendMessage(MessageId.New(), "one more"), Ct);
        var after = DateTimeOffset.UtcNow;
        var retried = await conversation.RegenerateAsync(user);

        // The wait is the grain's own clock to midnight, read between the two: late in the day it is minutes.
        refused.Outcome.ShouldBe(ChangeOutcome.Rejected);
        refused.Error.ShouldBeOneOf(TokensSpentAt(before), TokensSpentAt(after));
        refused.Error.ShouldStartWith($"You have used today's {UsageClusterFixture.UserTokensPerDay} tokens; they renew at 00:00 UTC, in ");
        retried.Outcome.ShouldBe(ChangeOutcome.Rejected, "asking for another reply is refused the same way");
        (await conversation.GetSnapshotAsync(user))!.Sequence.ShouldBe(2, "the refused message is not stored");

        // Replies are written beside the call: only a quiet period shows that none was asked for.
        await Poll.StaysTrueForAsync(() => fixture.Server.RequestsStarted, n => n == requestsBefore, "no request to the model", TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Stop_counts_only_the_text_that_arrived()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Server.UsageFor = _ => (Prompt: 500, Completion: 500);
        fixture.Server.ReplyText = request => request.LastUserText == "stop me" ? "Echo: stop me and a long tail the user never sees" : "Echo: " + request.LastUserText;
        fixture.Server.BeforeTokenAsync = (request, index, ct) => request.LastUserText == "stop me" && index == 2 ? released.Task.WaitAsync(ct) : Task.CompletedTask;
        var (user, conversation) = await fixture.NewConversationAsync();

        await conversation.SendAsync(user, new SendMessage(MessageId.New(), "stop me"), Ct);
        await Poll.UntilAsync(() => conversation.GetSnapshotAsync(user), s => s?.InProgress?.Text == "Echo: stop", TimeSpan.FromSeconds(10), "two tokens streamed");
        await conversation.StopReplyAsync(user);
        var reply = (await conversation.WaitForSequenceAsync(user, 2)).Messages[^1];

        reply.Status.ShouldBe(ReplyStatus.Stopped);
        reply.Usage.ShouldBe(new TokenUsage(TokenEstimate.Count("stop me") + TokenEstimate.TokensPerMessage, TokenEstimate.Count("Echo: stop"), Estimated: true));
        (await fixture.Server.Requests.Last(r => r.LastUserText == "stop me").Finished).ShouldBe(FakeRequestOutcome.AbortedByClient);
    }

    [Fact]
    public async Task Replies_streaming_at_once_are_capped_so_the_day_never_records_more_than_the_budget()
    {
        fixture.Server.UsageFor = null;
        fixture.Server.ReplyText = request => request.LastUserText.StartsWith("long:", StringComparison.Ordinal)
            ? string.Concat(Enumerable.Repeat(" la", 500)) : "Echo: " + request.LastUserText;
        var (user, first) = await fixture.NewConversationAsync();
        var summary = await fixture.Client.GetGrain<IUserGrain>(user.Value).StartConversationAsync();
        var second = fixture.Client.GetGrain<IConversationGrain>(summary.Id.Value);
        var marker = Guid.NewGuid().ToString("N");
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Server.BeforeTokenAsync = (request, index, ct) =>
            request.LastUserText.Contains(marker, StringComparison.Ordinal) && index == 1 ? hold.Task.WaitAsync(ct) : Task.CompletedTask;

        await Task.WhenAll(
            first.SendAsync(user, new SendMessage(MessageId.New(), $"long: {marker} one"), Ct),
            second.SendAsync(user, new SendMessage(MessageId.New(), $"long: {marker} two"), Ct));

        // The server holds the first reply's stream, so it still holds its reservation when the second one asks.
        await Poll.UntilAsync(
            async () => (await first.GetSnapshotAsync(user))!.Sequence + (await second.GetSnapshotAsync(user))!.Sequence,
            sequences => sequences >= 3, TimeSpan.FromSeconds(10), "one reply ended while the other streams");
        hold.SetResult();
        ChatMessage[] replies = [(await first.WaitForSequenceAsync(user, 2)).Messages[^1], (await second.WaitForSequenceAsync(user, 2)).Messages[^1]];

        var written = replies.Where(r => r.Status == ReplyStatus.Complete).ShouldHaveSingleItem("the first reply reserved all that was left");
        var refused = replies.Single(r => r != written);
        refused.Status.ShouldBe(ReplyStatus.Failed);
        refused.Error.ShouldBe(
            $"Your replies still being written hold the rest of today's tokens ({UsageClusterFixture.UserTokensPerDay}); try again when they have finished.",
            "the budget was reserved, not yet used");
        var request = fixture.Server.Requests.Where(r => r.LastUserText.Contains(marker, StringComparison.Ordinal)).ShouldHaveSingleItem("the refused reply never reached the server");
        request.MaxTokens.ShouldBe(UsageClusterFixture.UserTokensPerDay - written.Usage!.InputTokens, "capped at what the input leaves of the budget");
        request.TokensSent.ShouldBe(request.MaxTokens!.Value, "the server stopped at the cap, as a real endpoint does");
        written.Text.Length.ShouldBeLessThan(500 * 3);

        // The usage of both replies is recorded after they are stored: a quiet period shows no overrun arrives late.
        var usage = fixture.Client.GetGrain<IUsageGrain>(user.Value);
        await Poll.UntilAsync(() => UsageRowsAsync(user), r => r.Count == 1, TimeSpan.FromSeconds(10), "the written reply's usage");
        await Poll.StaysTrueForAsync(() => usage.GetTodayAsync(), u => u.Tokens <= UsageClusterFixture.UserTokensPerDay, "within the budget", TimeSpan.FromSeconds(3));
        (await usage.GetTodayAsync()).Tokens.ShouldBe(written.Usage.Total);
    }

    private static string TokensSpentAt(DateTimeOffset now)
    {
        var midnight = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        return RateLimitMessages.TokensSpent(UsageClusterFixture.UserTokensPerDay, midnight, midnight - now);
    }

    private async Task<List<string>> UsageRowsAsync(UserId user)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT message_id, model, input_tokens, output_tokens, estimated FROM reply_usage WHERE user_id = $1", connection)
        {
            Parameters = { new NpgsqlParameter<Guid> { TypedValue = user.Value } },
        };
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add($"{reader.GetGuid(0)} {reader.GetString(1)} {reader.GetInt32(2)} {reader.GetInt32(3)} {reader.GetBoolean(4)}");
        }

        return rows;
    }
}
