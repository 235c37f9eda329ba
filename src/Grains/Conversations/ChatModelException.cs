namespace ChatbotOrleans.Grains.Conversations;

/// <summary>A model failure with a reason fit to show the user, and whether trying again may help.</summary>
public sealed class ChatModelException : Exception
{
    public ChatModelException(string userMessage, bool isTransient, Exception? innerException = null)
        : base(userMessage, innerException)
    {
        IsTransient = isTransient;
    }

    public ChatModelException()
        : this("The model failed.", isTransient: false)
    {
    }

    public ChatModelException(string message)
        : this(message, isTransient: false)
    {
    }

    public ChatModelException(string message, Exception innerException)
        : this(message, isTransient: false, innerException)
    {
    }

    /// <summary>True for timeouts, rate limits and 5xx: a later attempt may succeed.</summary>
    public bool IsTransient { get; }
}
