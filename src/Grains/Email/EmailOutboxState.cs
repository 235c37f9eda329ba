namespace ChatbotOrleans.Grains.Email;

/// <summary>One outbox email and its delivery so far. Never renumber an [Id].</summary>
[GenerateSerializer, Alias("EmailOutboxState")]
public sealed class EmailOutboxState
{
    /// <summary>The email; once sent only its recipient and subject are kept (bodies may hold a sign-in link).</summary>
    [Id(0)] public EmailMessage? Message { get; set; }

    [Id(1)] public EmailStatus Status { get; set; }

    [Id(2)] public int Attempts { get; set; }

    [Id(3)] public DateTimeOffset EnqueuedAt { get; set; }

    [Id(4)] public DateTimeOffset? NextAttemptAt { get; set; }

    [Id(5)] public DateTimeOffset? FinishedAt { get; set; }

    [Id(6)] public string? LastError { get; set; }
}
