using ChatbotOrleans.Frontend.Chat;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

public sealed class OpenLoopTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Tries_at_once_then_backs_off_to_every_30_seconds_until_an_open_succeeds()
    {
        var start = _time.GetUtcNow();
        var attempts = new List<double>();
        var reported = new List<bool>();
        var loop = new OpenLoop(_time);

        // The fake's timers run the loop inline, so each second of fake time shows every try it caused.
        var running = loop.KeepOpenAsync(
            () =>
            {
                attempts.Add((_time.GetUtcNow() - start).TotalSeconds);
                return Task.FromResult(attempts.Count == 8);
            },
            reported.Add,
            TestContext.Current.CancellationToken);
        for (var second = 0; second < 200; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        attempts.ShouldBe([0, 1, 3, 8, 18, 48, 78, 108]);
        reported.ShouldBe([false, false, false, false, false, false, false, true]);
        running.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task A_loss_reported_while_an_open_runs_makes_the_one_loop_open_once_more()
    {
        var loop = new OpenLoop(_time);
        var first = new TaskCompletionSource<bool>();
        var opens = 0;
        var running = loop.KeepOpenAsync(() => ++opens == 1 ? first.Task : Task.FromResult(true), _ => { }, TestContext.Current.CancellationToken);

        // A reconnect while the first open is still out: no second loop, but the loop goes round again.
        var second = loop.KeepOpenAsync(() => throw new InvalidOperationException("a second loop"), _ => { }, TestContext.Current.CancellationToken);
        second.IsCompletedSuccessfully.ShouldBeTrue();
        first.SetResult(true);
        await running.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        opens.ShouldBe(2);
    }

    [Fact]
    public async Task Opens_run_one_at_a_time()
    {
        var loop = new OpenLoop(_time);
        var firstRelease = new TaskCompletionSource<bool>();
        var secondStarted = false;
        var first = loop.ExclusiveAsync(() => firstRelease.Task, TestContext.Current.CancellationToken);
        var second = loop.ExclusiveAsync(() =>
        {
            secondStarted = true;
            return Task.FromResult(true);
        }, TestContext.Current.CancellationToken);

        secondStarted.ShouldBeFalse();
        firstRelease.SetResult(true);
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        secondStarted.ShouldBeTrue();
    }
}
