using System.Runtime.CompilerServices;
using ChatbotOrleans.Grains.Conversations;

namespace ChatbotOrleans.Domain.Tests.Conversations.Replies;

/// <summary>A model that sends the given fragments, then fails, ends or waits for cancellation as told.</summary>
internal sealed class ScriptedModel(IReadOnlyList<string> fragments, Exception? failure = null, bool holdOpen = false) : IChatModel
{
    public string Name => "scripted";

    public bool IsOffline => false;

    public int Requests { get; private set; }

    public async IAsyncEnumerable<string> StreamReplyAsync(IReadOnlyList<ChatTurn> context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Requests++;
        foreach (var fragment in fragments)
        {
            await Task.Yield();
            yield return fragment;
        }

        if (failure is not null)
        {
            throw failure;
        }

        if (holdOpen)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
