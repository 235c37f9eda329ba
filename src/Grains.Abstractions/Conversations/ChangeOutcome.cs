namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>How a call that changes a conversation ended. Only <see cref="Accepted"/> changed something.</summary>
[GenerateSerializer, Alias("ChangeOutcome")]
public enum ChangeOutcome
{
    Accepted = 0,

    /// <summary>Asked for before and done then (a send retried with the same id, a retry already queued).</summary>
    Duplicate = 1,

    /// <summary>Refused by a rule or a limit; the error says why.</summary>
    Rejected = 2,

    NotFound = 3,

    /// <summary>The store or the cluster did not answer; trying again later may work.</summary>
    Unavailable = 4,
}
