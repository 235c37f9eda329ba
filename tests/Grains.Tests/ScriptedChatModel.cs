using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ChatbotOrleans.Grains.Conversations;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>
/// A model the tests steer by what the user writes: "hold:…" streams one fragment and then waits to be
/// released, "fail-once:…" fails its first attempt as a rate limit, "boom:…" throws a bug. Anything
/// else is answered at once with "Reply to: {text}" in three fragments.
/// </summary>
public sealed class ScriptedChatModel : IChatModel
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _released = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holding = new();
    private readonly ConcurrentDictionary<string, bool> _cancelled = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public string Name => "scripted";

    public bool IsOffline => false;

    public ConcurrentQueue<IReadOnlyList<ChatTurn>> Contexts { get; } = new();

    public int CallsFor(string text) => _calls.GetValueOrDefault(text);

    /// <summary>Whether a held reply for <paramref name="text"/> saw its request cancelled (stop, deactivation).</summary>
    public bool WasCancelled(string text) => _cancelled.ContainsKey(text);

    /// <summary>Completes when a "hold:" reply for <paramref name="text"/> has streamed its first fragment.</summary>
    public Task WhenHoldingAsync(string text) => Signal(_holding, text).Task.WaitAsync(TimeSpan.FromSeconds(30));

    public void Release(string text) => Signal(_released, text).TrySetResult();

    public async IAsyncEnumerable<string> StreamReplyAsync(
        IReadOnlyList<ChatTurn> context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var text = context[^1].Text;
        Contexts.Enqueue(context);
        var call = _calls.AddOrUpdate(text, 1, (_, n) => n + 1);
        if (text.StartsWith("fail-once:", StringComparison.Ordinal) && call == 1)
        {
            throw new ChatModelException("The model is rate limited; try again in a minute.", isTransient: true);
        }

        if (text.StartsWith("boom:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("a bug in the model adapter");
        }

        yield return "Reply ";
        if (text.StartsWith("hold:", StringComparison.Ordinal))
        {
            Signal(_holding, text).TrySetResult();
            try
            {
                await Signal(_released, text).Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                _cancelled[text] = true;
                throw;
            }
        }

        await Task.Yield();
        yield return "to: ";
        yield return text;
    }

    private static TaskCompletionSource Signal(ConcurrentDictionary<string, TaskCompletionSource> signals, string text) =>
        signals.GetOrAdd(text, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
