using System.Runtime.CompilerServices;
using ChatbotOrleans.Grains.Conversations;

namespace ChatbotOrleans.Domain.Tests.Conversations.Replies;

/// <summary>
/// A model that sends the given fragments, then fails, ends or waits for cancellation as told; a held model
/// cancelled throws <paramref name="cancelledWith"/> if given, as an HTTP stream cut by its cancellation can.
/// </summary>
internal sealed class ScriptedModel(IReadOnlyList<string> fragments, Exception? failure = null, bool holdOpen = false, Exception? cancelledWith = null) : IChatModel
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
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException) when (cancelledWith is not null)
            {
                throw cancelledWith;
            }
        }
    }
}
