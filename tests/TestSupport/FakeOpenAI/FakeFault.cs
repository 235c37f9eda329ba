namespace ChatbotOrleans.TestSupport.FakeOpenAI;

/// <summary>
/// A misbehaviour planned for the next few requests. Requests claim it with one interlocked decrement,
/// so concurrent streams never contend on a lock.
/// </summary>
internal sealed class FakeFault(int requests, int statusCode = 0, TimeSpan? retryAfter = null, int afterTokens = 0)
{
    private int _remaining = requests;

    public int StatusCode { get; } = statusCode;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public int AfterTokens { get; } = afterTokens;

    public static FakeFault? Claim(FakeFault? fault) =>
        fault is not null && Interlocked.Decrement(ref fault._remaining) >= 0 ? fault : null;
}
