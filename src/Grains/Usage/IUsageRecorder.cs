using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Usage;

/// <summary>Records what a user's replies cost; keyed by the user's id, called by their conversations and their account.</summary>
[Alias("IUsageRecorder")]
public interface IUsageRecorder : IGrainWithGuidKey
{
    /// <summary>Stores the reply's usage for the operator and spends it from the user's and the global daily budget.</summary>
    Task RecordAsync(UsageRecord record);

    /// <summary>What each of the user's replies cost, oldest first, priced where the operator set prices.</summary>
    Task<IReadOnlyList<ExportedUsage>> ExportAsync();

    /// <summary>Unlinks the user's usage from them when their account is deleted.</summary>
    Task ForgetAsync();
}
