namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>How a message ended. User messages are always <see cref="Complete"/>.</summary>
[GenerateSerializer, Alias("ReplyStatus")]
public enum ReplyStatus
{
    Complete = 0,
    Failed = 1,
    Stopped = 2,
}
