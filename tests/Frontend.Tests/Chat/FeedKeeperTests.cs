using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Frontend.Tests.Chat.Fakes;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

public sealed class FeedKeeperTests : IDisposable
{
    private readonly List<Exception> _failures = [];
    // The page's parts, less the feed: the keeper makes its own.
    private readonly ChatPageParts _page = new();
    private readonly Lock _lock = new();
    private readonly List<(Func<bool> Done, TaskCompletionSource Rendered)> _awaited = [];
    private int _invokes;
    private int _renders;

    private TimeSpan QuietLimit => _page.ReplyWatch.QuietLimit;

    private StreamId ConversationStream => FakeCluster.ConversationStream(_page.Conversation.Id);

    public void Dispose() => _page.Dispose();

    [Fact]
    public async Task Work_from_outside_the_page_runs_on_its_dispatcher_then_renders_with_the_clock_moved_on()
    {
        var keeper = Keeper(_ => Task.FromResult(true));
        _page.Time.Advance(TimeSpan.FromMinutes(3));
        var ran = false;

        await keeper.OnCircuitAsync(() =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        ran.ShouldBeTrue();
        (_invokes, _renders).ShouldBe((1, 1));
        keeper.Now.ShouldBe(_page.Time.GetUtcNow());
    }

    [Fact]
    public async Task A_failure_goes_to_the_page_while_it_lives_and_to_nobody_once_it_is_gone()
    {
        var keeper = Keeper(_ => Task.FromResult(true));
        var bug = new InvalidOperationException("a bug");

        await keeper.OnCircuitAsync(() => throw bug);
        await keeper.OnCircuitAsync(async () =>
        {
            await keeper.DisposeAsync();
            throw new ObjectDisposedException("the circuit");
        });
        await keeper.OnCircuitAsync(() => throw new InvalidOperationException("after the page"));

        _failures.ShouldBe([bug]);
        _renders.ShouldBe(2, "what the failed work changed is rendered; nothing runs once the page is gone");
    }

    [Fact]
    public async Task A_page_that_finds_no_cluster_says_so_and_opens_once_a_gateway_answers()
    {
        _page.Cluster.Monitor.NotifyClusterConnectionLost();
        var opens = 0;
        var keeper = Keeper(_ =>
        {
            opens++;
            return Task.FromResult(true);
        });

        await keeper.OpenAsync();

        keeper.Problem.ShouldBe("The chat service is unreachable. Reconnecting…");
        opens.ShouldBe(0, "a client with no gateway is not asked to call a grain");

        _page.Cluster.Connect();
        _page.Time.Advance(OpenLoop.Delays[1]);
        await RenderedWhenAsync(() => keeper.Problem is null);
        opens.ShouldBe(1);
    }

    [Fact]
    public async Task A_reconnect_ends_the_subscriptions_it_lost_and_follows_again()
    {
        var keeper = Keeper(k => k.Feed.FollowListAsync());
        await keeper.OpenAsync();
        _page.Cluster.Streams.Subscribers(_page.Cluster.ListStream).ShouldBe(1);

        _page.Cluster.Connect(gateways: 2);

        await RenderedWhenAsync(() => _page.Cluster.Streams.Subscriptions == 2);
        _page.Cluster.Streams.Subscribers(_page.Cluster.ListStream).ShouldBe(1, "the old subscription ended before the new one");
        keeper.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task A_reply_quiet_for_the_limit_makes_the_page_follow_its_conversation_again_and_reload()
    {
        _page.Grain.Snapshot = _page.Conversation.Snapshot(ConversationFixture.User(1));
        var keeper = Keeper(k => k.Feed.FollowsConversation ? Task.FromResult(true) : k.Feed.OpenAsync(_page.Conversation.Id));
        await keeper.OpenAsync();
        keeper.StartClock();

        _page.Time.Advance(QuietLimit / 2);
        _page.Time.Advance(QuietLimit / 2);

        await RenderedWhenAsync(() => _page.Grain.SnapshotReads == 2);
        _page.Cluster.Streams.Subscribers(ConversationStream).ShouldBe(1);
        _page.Cluster.Streams.Subscriptions.ShouldBe(2);
    }

    [Fact]
    public async Task A_page_that_waits_for_no_reply_is_left_alone_by_its_clock()
    {
        var reply = ConversationFixture.Bot(2, ConversationFixture.User(1).Id);
        _page.Grain.Snapshot = _page.Conversation.Snapshot(ConversationFixture.User(1), reply);
        var keeper = Keeper(k => k.Feed.OpenAsync(_page.Conversation.Id));
        await keeper.OpenAsync();
        keeper.StartClock();

        for (var tick = 1; tick <= 4; tick++)
        {
            _page.Time.Advance(QuietLimit / 2);
            await RenderedWhenAsync(() => _renders >= tick);
        }

        _page.Grain.SnapshotReads.ShouldBe(1);
        keeper.Now.ShouldBe(_page.Time.GetUtcNow(), "each tick moves the page's clock on");
    }

    private FeedKeeper Keeper(Func<FeedKeeper, Task<bool>> open)
    {
        FeedKeeper keeper = null!;
        keeper = new FeedKeeper(_page.Cluster.Client, _page.View, _page.ReplyWatch, _page.Time, () => open(keeper), InvokeAsync, Render, FailAsync);
        return keeper;
    }

    private async Task InvokeAsync(Func<Task> work)
    {
        Interlocked.Increment(ref _invokes);
        await work();
    }

    private void Render()
    {
        lock (_lock)
        {
            _renders++;
            foreach (var (done, rendered) in _awaited.Where(a => a.Done()))
            {
                rendered.TrySetResult();
            }
        }
    }

    private Task FailAsync(Exception exception)
    {
        _failures.Add(exception);
        return Task.CompletedTask;
    }

    // The keeper's timers and loops may finish on another thread: wait for the render after which the condition holds.
    private Task RenderedWhenAsync(Func<bool> done)
    {
        var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (done())
            {
                return Task.CompletedTask;
            }

            _awaited.Add((done, rendered));
        }

        return rendered.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }
}
