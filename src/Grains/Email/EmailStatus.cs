namespace ChatbotOrleans.Grains.Email;

/// <summary>Where an outbox email stands. Stored as a number: never renumber.</summary>
public enum EmailStatus
{
    None = 0,
    Pending = 1,
    Sent = 2,
    Failed = 3,
}
