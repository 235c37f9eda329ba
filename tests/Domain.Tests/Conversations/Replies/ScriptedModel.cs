using System.Runtime.CompilerServices;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Usage;

namespace ChatbotOrleans.Domain.Tests.Conversations.Replies;

/// <summary>
/// A model that sends the given fragments, then fails, ends or waits for cancellation as told; a held model
/// cancelled throws <paramref name="cancelledWith"/> if given, as an HTTP stream cut by its cancellation can.
/// When it ends, it reports <paramref name="reports"/> as its endpoint's usage, if given. With <paramref name="until"/>, it ends
/// once that task completes (the last fragment sent after it).
/// </summary>
internal sealed class ScriptedModel(
    IReadOnlyList<string> fragments, Exception? failure = null, bool holdOpen = false, Exception? cancelledWith = null, TokenUsage? reports = null,
    Task? until = null) : IChatModel
{
    public string Name => "scripted";

    public bool IsOffline => false;

    public int Requests { get; private set; }

    public async IAsyncEnumerable<string> StreamReplyAsync(
        IReadOnlyList<ChatTurn> context, UsageReceipt usage, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var fragment in StreamReplyAsync(context, cancellationToken))
        {
            yield return fragment;
        }

        if (reports is not null)
        {
            usage.Report(reports.InputTokens, reports.OutputTokens);
        }
    }

    public async IAsyncEnumerable<string> StreamReplyAsync(IReadOnlyList<ChatTurn> context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Requests++;
        foreach (var (fragment, index) in fragments.Select((f, i) => (f, i)))
        {
            if (until is not null && index == fragments.Count - 1)
            {
                await until.WaitAsync(cancellationToken);
            }

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
