using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Usage;

/// <summary>The operator's record of what each reply cost, one row per reply; the truth the daily budgets count from.</summary>
public interface IUsageLog
{
    /// <summary>Stores one reply's usage; storing the same reply again changes nothing.</summary>
    Task RecordAsync(UsageRecord record, CancellationToken cancellationToken = default);

    /// <summary>The tokens of the UTC <paramref name="day"/>: of one user, or of everyone when <paramref name="user"/> is null.</summary>
    Task<long> TotalAsync(DateOnly day, UserId? user, CancellationToken cancellationToken = default);

    /// <summary>The tokens of all replies of one conversation of <paramref name="user"/>.</summary>
    Task<long> ConversationTotalAsync(UserId user, ConversationId conversation, CancellationToken cancellationToken = default);

    /// <summary>Every row of one user, oldest first, for their account export.</summary>
    Task<IReadOnlyList<UsageRecord>> ListAsync(UserId user, CancellationToken cancellationToken = default);

    /// <summary>Unlinks a deleted user's rows from them and their chats; the day's totals keep the tokens.</summary>
    Task ForgetUserAsync(UserId user, CancellationToken cancellationToken = default);
}
