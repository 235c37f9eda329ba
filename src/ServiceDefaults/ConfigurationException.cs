namespace ChatbotOrleans.ServiceDefaults;

/// <summary>A configuration mistake; its message is one sentence saying what to fix.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException()
    {
    }

    public ConfigurationException(string message)
        : base(message)
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
