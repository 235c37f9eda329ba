using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Usage;
using ChatbotOrleans.TestSupport.FakeOpenAI;
using Shouldly;
using static ChatbotOrleans.Infrastructure.Tests.ChatModels.ChatModelTesting;

namespace ChatbotOrleans.Infrastructure.Tests.ChatModels;

public sealed class OpenAIChatModelStreamingTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeOpenAIServer.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Streams_tokens_in_order_and_hands_out_the_first_before_the_server_sends_the_rest()
    {
        var firstTokenReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The server holds the second token until the client has the first: a buffered reply would never arrive.
        _server.BeforeTokenAsync = (_, index, ct) => index == 1 ? firstTokenReceived.Task.WaitAsync(ct) : Task.CompletedTask;
        var model = CreateModel(_server.Endpoint);
        var received = new List<string>();

        await foreach (var token in model.StreamReplyAsync(Ask("one two three"), TestContext.Current.CancellationToken))
        {
            if (received.Count == 0)
            {
                var request = _server.Requests.ShouldHaveSingleItem();
                request.TokensSent.ShouldBe(1);
                request.Outcome.ShouldBe(FakeRequestOutcome.InProgress);
                firstTokenReceived.SetResult();
            }

            received.Add(token);
        }

        received.ShouldBe(["Echo:", " one", " two", " three"]);
        (await _server.Requests.Single().Finished).ShouldBe(FakeRequestOutcome.Completed);
    }

    [Fact]
    public async Task Asks_the_endpoint_for_usage_in_the_stream_and_hands_on_what_it_counted()
    {
        _server.UsageFor = _ => (Prompt: 42, Completion: 7);
        var model = CreateModel(_server.Endpoint);
        var receipt = new UsageReceipt();

        var reply = await CollectAsync(model.StreamReplyAsync(Ask("count me"), receipt, TestContext.Current.CancellationToken));

        string.Concat(reply).ShouldBe("Echo: count me");
        _server.Requests.ShouldHaveSingleItem().WantsUsage.ShouldBeTrue();
        receipt.Reported.ShouldBe(new TokenUsage(42, 7, Estimated: false));
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(null, 1024)]
    public async Task Asks_for_no_more_tokens_than_the_budget_left_and_the_endpoint_stops_there(int? cap, int sent)
    {
        var model = CreateModel(_server.Endpoint);

        var reply = await CollectAsync(model.StreamReplyAsync(Ask("one two three"), new UsageReceipt { MaxOutputTokens = cap }, TestContext.Current.CancellationToken));

        var request = _server.Requests.ShouldHaveSingleItem();
        request.MaxTokens.ShouldBe(sent, "the budget's cap, or the operator's maximum when it is larger");
        string.Concat(reply).ShouldBe(cap is null ? "Echo: one two three" : "Echo: one", "cut at the cap, finish reason length, still a whole reply");
    }

    [Fact]
    public async Task An_endpoint_sending_no_usage_leaves_an_estimate_that_counts_the_system_prompt_too()
    {
        var model = CreateModel(_server.Endpoint, o => o.SystemPrompt = "Be brief.");
        var receipt = new UsageReceipt();

        var reply = string.Concat(await CollectAsync(model.StreamReplyAsync(Ask("count me"), receipt, TestContext.Current.CancellationToken)));

        receipt.Reported.ShouldBeNull();
        var usage = receipt.For(model, Ask("count me"), reply, ReplyStatus.Complete);
        usage.ShouldBe(new TokenUsage(
            TokenEstimate.Count("Be brief.") + TokenEstimate.Count("count me") + (2 * TokenEstimate.TokensPerMessage),
            TokenEstimate.Count("Echo: count me"),
            Estimated: true));
    }

    [Fact]
    public async Task Sends_the_system_prompt_then_the_context_with_their_roles()
    {
        var model = CreateModel(_server.Endpoint, o => o.SystemPrompt = "Be brief.");
        IReadOnlyList<ChatTurn> context =
        [
            new(ChatRole.User, "Hello"),
            new(ChatRole.Assistant, "Hi! How can I help?"),
            new(ChatRole.User, "Tell me a joke"),
        ];

        var reply = await CollectAsync(model.StreamReplyAsync(context, TestContext.Current.CancellationToken));

        string.Concat(reply).ShouldBe("Echo: Tell me a joke");
        _server.Requests.ShouldHaveSingleItem().Messages.ShouldBe(
        [
            new FakeChatMessage("system", "Be brief."),
            new FakeChatMessage("user", "Hello"),
            new FakeChatMessage("assistant", "Hi! How can I help?"),
            new FakeChatMessage("user", "Tell me a joke"),
        ]);
    }

    [Fact]
    public async Task Sends_the_model_name_max_tokens_key_and_asks_for_a_stream()
    {
        var model = CreateModel(_server.Endpoint, o => o.MaxOutputTokens = 321);

        await CollectAsync(model.StreamReplyAsync(Ask("hi"), TestContext.Current.CancellationToken));

        model.Name.ShouldBe("fake-gpt");
        model.IsOffline.ShouldBeFalse();
        var request = _server.Requests.ShouldHaveSingleItem();
        request.Model.ShouldBe("fake-gpt");
        request.MaxTokens.ShouldBe(321);
        request.Stream.ShouldBeTrue();
        request.ApiKey.ShouldBe(SecretKey);
    }

    [Fact]
    public async Task Cancelling_aborts_the_upstream_request()
    {
        // The server waits before the second token until the request is aborted: only the client can end it.
        _server.BeforeTokenAsync = (_, index, ct) => index == 1 ? Task.Delay(Timeout.Infinite, ct) : Task.CompletedTask;
        var model = CreateModel(_server.Endpoint);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in model.StreamReplyAsync(Ask("a long answer please"), cancellation.Token))
            {
                await cancellation.CancelAsync();
            }
        });

        var request = _server.Requests.ShouldHaveSingleItem();
        (await request.Finished.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken))
            .ShouldBe(FakeRequestOutcome.AbortedByClient);
        request.AbortedByClient.ShouldBeTrue();
        _server.RequestsAbortedByClient.ShouldBe(1);
        _server.RequestsStarted.ShouldBe(1);
    }
}
