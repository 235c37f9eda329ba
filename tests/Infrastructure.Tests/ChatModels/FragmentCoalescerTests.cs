using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ChatbotOrleans.Silo.ChatModels;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.ChatModels;

public sealed class FragmentCoalescerTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_fragment_goes_out_alone_and_the_ones_arriving_right_after_it_go_out_together()
    {
        var received = await CollectAsync(FragmentCoalescer.CoalesceAsync(Source(["Echo:", " one", " two", " three"], ct: Token), Long, Token));

        received.ShouldBe(["Echo:", " one two three"]);
    }

    [Fact]
    public async Task Every_fragment_goes_out_alone_when_the_interval_is_zero()
    {
        var received = await CollectAsync(FragmentCoalescer.CoalesceAsync(Source(["a", "b", "c"], ct: Token), TimeSpan.Zero, Token));

        received.ShouldBe(["a", "b", "c"]);
    }

    [Fact]
    public async Task Text_held_back_goes_out_when_the_model_pauses_without_waiting_for_its_next_fragment()
    {
        var model = Channel.CreateUnbounded<string>();
        await model.Writer.WriteAsync("a", Token);
        await model.Writer.WriteAsync("b", Token);
        await using var fragments = FragmentCoalescer.CoalesceAsync(model.Reader.ReadAllAsync(Token), TimeSpan.FromMilliseconds(50), Token)
            .GetAsyncEnumerator(Token);

        (await fragments.MoveNextAsync()).ShouldBeTrue();
        fragments.Current.ShouldBe("a");
        (await fragments.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), Token)).ShouldBeTrue();
        fragments.Current.ShouldBe("b", "'b' must not wait for a fragment the model has not sent");
        model.Writer.Complete();
        (await fragments.MoveNextAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task Text_held_back_when_the_model_fails_is_handed_on_before_the_failure()
    {
        var received = new List<string>();

        var failure = await Should.ThrowAsync<InvalidOperationException>(
            () => CollectAsync(FragmentCoalescer.CoalesceAsync(Source(["a", "b", "c"], thenFail: true, ct: Token), Long, Token), received));

        failure.Message.ShouldBe("model failed");
        received.ShouldBe(["a", "bc"]);
    }

    private static async Task<List<string>> CollectAsync(IAsyncEnumerable<string> fragments, List<string>? into = null)
    {
        var received = into ?? [];
        await foreach (var fragment in fragments)
        {
            received.Add(fragment);
        }

        return received;
    }

    private static async IAsyncEnumerable<string> Source(string[] fragments, bool thenFail = false, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var fragment in fragments)
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            yield return fragment;
        }

        if (thenFail)
        {
            throw new InvalidOperationException("model failed");
        }
    }
}
