using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// Makes an idempotent change (a send or an edit, which carry their message's id) at most twice. A call left with a
/// silo that died is never answered, so the first try stops waiting after <see cref="Patience"/> instead of Orleans'
/// response timeout, and the same change is made once more with no limit of ours: by then the cluster routes it to the
/// conversation's next activation, or to the first try's, which answers it as a duplicate.
/// </summary>
internal sealed class PatientChange(TimeProvider time)
{
    /// <summary>Far longer than a send takes; a slow first try is not lost by giving up on it: tried again, it is a duplicate.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    /// <param name="change">The change, answering <see cref="ChangeResult.Unavailable"/> when the cluster did not answer or the token ended the wait.</param>
    public async Task<ChangeResult> MakeAsync(Func<CancellationToken, Task<ChangeResult>> change)
    {
        using var patience = new CancellationTokenSource(Patience, time);
        var first = await change(patience.Token);

        // A refusal, or an unavailable cluster that said so in time, is the answer: the page shows it and the user decides.
        return first.Outcome == ChangeOutcome.Unavailable && patience.IsCancellationRequested
            ? await change(CancellationToken.None)
            : first;
    }
}
