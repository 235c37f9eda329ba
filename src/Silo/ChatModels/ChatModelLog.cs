namespace ChatbotOrleans.Silo.ChatModels;

/// <summary>Log events of the chat model adapters. None of them takes the API key.</summary>
internal static partial class ChatModelLog
{
    [LoggerMessage(1, LogLevel.Warning, "Chat model: offline bot; set OpenAI__ApiKey or OpenAI__Endpoint to use a language model")]
    public static partial void UsingOfflineBot(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "Chat model: {Id} ({Model} at {Endpoint}, API key {KeyState})")]
    public static partial void UsingModel(ILogger logger, string id, string model, string endpoint, string keyState);

    [LoggerMessage(3, LogLevel.Information, "Model {Model}: attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string model, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(
        4,
        LogLevel.Warning,
        "Model {Model} failed after {Attempts} attempt(s) (transient: {Transient}, reply already started: {Started}): {Reason}")]
    public static partial void Failed(
        ILogger logger, Exception? exception, string model, int attempts, bool transient, bool started, string reason);
}
