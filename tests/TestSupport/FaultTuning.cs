namespace ChatbotOrleans.TestSupport;

/// <summary>
/// Silo settings for fault tests: Orleans notices a dead silo in a few seconds instead of the
/// production defaults' tens of seconds, the reply sweep and the reminder guarding a retried reply fire
/// every two seconds (the sweep taking any unanswered message, however new), and a silo stops within five.
/// </summary>
public static class FaultTuning
{
    public static IReadOnlyDictionary<string, string?> SiloSettings { get; } = new Dictionary<string, string?>
    {
        ["Orleans__Membership__ProbeTimeout"] = "00:00:01",
        ["Orleans__Membership__NumMissedProbesLimit"] = "2",
        ["Orleans__Membership__TableRefreshTimeout"] = "00:00:02",
        ["Orleans__MinimumReminderPeriod"] = "00:00:01",
        ["Conversations__ReplyGuardPeriod"] = "00:00:02",
        ["Conversations__ReplySweepPeriod"] = "00:00:02",
        ["Conversations__ReplySweepGrace"] = "00:00:00",

        // The distributed grain directory holds a dead silo's grains for 30 s less the failure detection time (0 with
        // Orleans' default detection); with the probes above, a killed silo's conversations would wait 23 s.
        ["Orleans__Directory__RangeLeaseDuration"] = "00:00:00",

        // A silo whose peer was killed must not spend the default 30 s leaving the cluster at the end of a test.
        ["Shutdown__Timeout"] = "00:00:05",
    };

    /// <summary><see cref="SiloSettings"/> with more on top (later keys win).</summary>
    public static Dictionary<string, string?> SiloSettingsWith(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>(SiloSettings);
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }
}
