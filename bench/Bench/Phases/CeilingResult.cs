using ChatbotOrleans.Bench.Measure;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>PostgreSQL's own rate and latency for one upsert of a row the size of a user message's log row, at one concurrency.</summary>
public sealed record CeilingResult(int Concurrency, double PerSecond, Samples Latency);
