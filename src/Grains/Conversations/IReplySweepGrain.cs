namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// The scheduled job that finds user messages left unanswered (a silo died while the model was writing)
/// and wakes their conversations. One per cluster (key 0), driven by a reminder.
/// </summary>
[Alias("IReplySweepGrain")]
public interface IReplySweepGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the sweep's reminder if it is not registered yet. Called by every silo at start.</summary>
    Task StartAsync();

    /// <summary>Sweeps once now; returns how many conversations were woken.</summary>
    Task<int> SweepAsync();
}
