namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>What one cluster size gave: throughput, latency, where the activations and queues went, and who used the CPU.</summary>
public sealed record ScaleStepResult(
    int Silos,
    int Conversations,
    double MessagesPerSecond,
    double TurnsPerSecond,
    double AddedP50,
    double AddedP99,
    int[] ConversationsPerSilo,
    int[] QueuesPerSilo,
    double SiloQuotaUsed,
    double ThrottledShare,
    double CommitsPerSecond,
    double PostgresCores,
    double BenchCores,
    double IdleSiloCores,
    string LoadAverage);
