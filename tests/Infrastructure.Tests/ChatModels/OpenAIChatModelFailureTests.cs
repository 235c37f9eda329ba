using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.TestSupport.FakeOpenAI;
using Shouldly;
using static ChatbotOrleans.Infrastructure.Tests.ChatModels.ChatModelTesting;

namespace ChatbotOrleans.Infrastructure.Tests.ChatModels;

public sealed class OpenAIChatModelFailureTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeOpenAIServer.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_server_error_before_the_first_token_is_retried_and_the_reply_then_arrives()
    {
        _server.FailNextRequests(1, 500);
        var model = CreateModel(_server.Endpoint);

        var reply = await CollectAsync(model.StreamReplyAsync(Ask("hello"), TestContext.Current.CancellationToken));

        string.Concat(reply).ShouldBe("Echo: hello");
        _server.RequestsStarted.ShouldBe(2);
        _server.Requests.Select(r => r.Outcome).ShouldBe([FakeRequestOutcome.FailedWithStatus, FakeRequestOutcome.Completed]);
    }

    [Fact]
    public async Task Rate_limiting_is_a_transient_failure_naming_the_wait_once_retries_are_exhausted()
    {
        _server.FailNextRequests(10, 429, retryAfter: TimeSpan.FromSeconds(1));
        var model = CreateModel(_server.Endpoint, o => o.MaxRetries = 1);

        var failure = await Should.ThrowAsync<ChatModelException>(
            CollectAsync(model.StreamReplyAsync(Ask("hello"), TestContext.Current.CancellationToken)));

        failure.IsTransient.ShouldBeTrue();
        failure.Message.ShouldContain("rate limited");
        failure.Message.ShouldContain("1 second");
        _server.RequestsStarted.ShouldBe(2);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Refused_credentials_are_a_configuration_problem_never_retried_nor_quoting_the_key(int status)
    {
        _server.FailNextRequests(10, status);
        var model = CreateModel(_server.Endpoint);

        var failure = await Should.ThrowAsync<ChatModelException>(
            CollectAsync(model.StreamReplyAsync(Ask("hello"), TestContext.Current.CancellationToken)));

        failure.IsTransient.ShouldBeFalse();
        failure.Message.ShouldContain("configuration");
        failure.Message.ShouldNotContain(SecretKey);
        _server.RequestsStarted.ShouldBe(1);
    }

    [Fact]
    public async Task A_stream_cut_after_tokens_were_handed_out_is_transient_and_not_retried()
    {
        // Cut only once the client holds two tokens: bytes still in flight when a connection is aborted are lost.
        var twoTokensReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.BeforeTokenAsync = (_, index, ct) => index == 2 ? twoTokensReceived.Task.WaitAsync(ct) : Task.CompletedTask;
        _server.CutConnectionAfterTokens(2);
        var model = CreateModel(_server.Endpoint);
        var received = new List<string>();

        var failure = await Should.ThrowAsync<ChatModelException>(async () =>
        {
            await foreach (var token in model.StreamReplyAsync(Ask("one two three four"), TestContext.Current.CancellationToken))
            {
                received.Add(token);
                if (received.Count == 2)
                {
                    twoTokensReceived.SetResult();
                }
            }
        });

        failure.IsTransient.ShouldBeTrue();
        failure.Message.ShouldContain("broke off");
        received.ShouldBe(["Echo:", " one"]);
        _server.RequestsStarted.ShouldBe(1);
        _server.Requests.Single().Outcome.ShouldBe(FakeRequestOutcome.ConnectionCut);
    }

    [Fact]
    public async Task A_stream_cut_before_the_first_token_is_retried()
    {
        _server.CutConnectionAfterTokens(0);
        var model = CreateModel(_server.Endpoint);

        var reply = await CollectAsync(model.StreamReplyAsync(Ask("again"), TestContext.Current.CancellationToken));

        string.Concat(reply).ShouldBe("Echo: again");
        _server.RequestsStarted.ShouldBe(2);
    }

    [Fact]
    public async Task A_malformed_chunk_mid_reply_is_a_transient_model_failure()
    {
        _server.SendMalformedChunkAfterTokens(1);
        var model = CreateModel(_server.Endpoint);
        var received = new List<string>();

        var failure = await Should.ThrowAsync<ChatModelException>(
            CollectAsync(model.StreamReplyAsync(Ask("one two"), TestContext.Current.CancellationToken), received));

        failure.IsTransient.ShouldBeTrue();
        failure.Message.ShouldContain("malformed");
        received.ShouldBe(["Echo:"]);
        _server.RequestsStarted.ShouldBe(1);
    }

    [Fact]
    public async Task Unavailability_that_outlasts_the_retries_is_transient()
    {
        _server.FailNextRequests(10, 503);
        var model = CreateModel(_server.Endpoint, o => o.MaxRetries = 2);

        var failure = await Should.ThrowAsync<ChatModelException>(
            CollectAsync(model.StreamReplyAsync(Ask("hello"), TestContext.Current.CancellationToken)));

        failure.IsTransient.ShouldBeTrue();
        failure.Message.ShouldContain("unavailable");
        _server.RequestsStarted.ShouldBe(3);
    }

    [Fact]
    public async Task A_server_silent_beyond_the_request_timeout_is_a_transient_timeout()
    {
        _server.FirstTokenDelay = TimeSpan.FromSeconds(30);
        var model = CreateModel(_server.Endpoint, o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 0;
        });

        var failure = await Should.ThrowAsync<ChatModelException>(
            CollectAsync(model.StreamReplyAsync(Ask("hello"), TestContext.Current.CancellationToken)));

        failure.IsTransient.ShouldBeTrue();
        failure.Message.ShouldContain("in time");
    }
}
