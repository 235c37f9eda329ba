namespace ChatbotOrleans.TestSupport.FakeOpenAI;

/// <summary>How the fake ended one request.</summary>
public enum FakeRequestOutcome
{
    InProgress = 0,
    Completed = 1,
    FailedWithStatus = 2,
    ConnectionCut = 3,
    MalformedChunkSent = 4,
    AbortedByClient = 5,
}
