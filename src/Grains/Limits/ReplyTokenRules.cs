namespace ChatbotOrleans.Grains.Limits;

/// <summary>How much of the daily token budgets one reply reserves, and what it may then write.</summary>
public static class ReplyTokenRules
{
    /// <summary>The most a reply writes when its model sets no maximum of its own: a long answer, not a runaway.</summary>
    public const int DefaultMaxOutput = 4_096;

    /// <summary>What a reply asks to reserve: its input, and the most its model may write.</summary>
    public static long Wanted(int input, int? modelMaxOutput) => input + (long)(modelMaxOutput ?? DefaultMaxOutput);

    /// <summary>The least worth reserving: the input, and one token of reply.</summary>
    public static long Minimum(int input) => input + 1L;

    /// <summary>The most tokens the reply may write within <paramref name="granted"/> (never below one).</summary>
    public static int MaxOutput(long granted, int input) => (int)Math.Clamp(granted - input, 1, int.MaxValue);

    /// <summary>The sentence for a refused reservation: the budget is spent, or what is left is too little for this input.</summary>
    public static string Refusal(TokenReservation refused, long userLimit, DateTimeOffset now, bool overall)
    {
        var resetsAt = DailyTokens.ResetAt(now);
        if (!overall && refused.Left == 0 && refused.HeldByOthers > 0)
        {
            return RateLimitMessages.TokensHeldByReplies(refused.HeldByOthers);
        }

        return (overall, refused.Left > 0) switch
        {
            (false, false) => RateLimitMessages.TokensSpent(userLimit, resetsAt, refused.ResetsIn),
            (false, true) => RateLimitMessages.TokensTooFewLeft(refused.Left, resetsAt, refused.ResetsIn),
            (true, false) => RateLimitMessages.TokensSpentOverall(resetsAt, refused.ResetsIn),
            (true, true) => RateLimitMessages.TokensTooFewLeftOverall(resetsAt, refused.ResetsIn),
        };
    }
}
