using System.Globalization;

namespace ChatbotOrleans.Grains.Limits;

/// <summary>The sentences a user sees when a limit stops them, each saying how long to wait.</summary>
public static class RateLimitMessages
{
    public static string TooManyMessages(TimeSpan wait) =>
        $"You are sending messages too fast; try again in {Describe(wait)}.";

    public static string TooManyReplies(TimeSpan wait) =>
        $"You are asking for new replies too fast; try again in {Describe(wait)}.";

    public static string TooManySignIns(TimeSpan wait) =>
        $"Too many sign-ins with this address in the last hour; try again in {Describe(wait)}, or use the newest sign-in link in your inbox.";

    public static string TooManySignInsFromNetwork(TimeSpan wait) =>
        $"Too many sign-ins from your network in the last hour; try again in {Describe(wait)}.";

    public static string TooManyNewAccountsFromNetwork(TimeSpan wait) =>
        $"Too many new accounts were made from your network in the last hour; try again in {Describe(wait)}.";

    public static string TooManyNewAccounts(TimeSpan wait) =>
        $"We are taking too many new accounts right now; try again in {Describe(wait)}.";

    public static string TooManyMessagesFromNetwork(TimeSpan wait) =>
        $"Too many messages from accounts of your network this minute; try again in {Describe(wait)}.";

    public static string TooManyMessagesOverall(TimeSpan wait) =>
        $"The bot is busy with too many messages right now; try again in {Describe(wait)}.";

    public static string TooManyNewChats(TimeSpan wait) =>
        $"You are starting chats too fast; try again in {Describe(wait)}.";

    public static string TooManyChats(int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"You have {limit} chats, the most you can keep. Delete one to start another.");

    public static string TokensSpent(long limit, DateTimeOffset resetsAt, TimeSpan wait) =>
        string.Create(CultureInfo.InvariantCulture, $"You have used today's {limit:N0} tokens; they renew at {resetsAt:HH:mm} UTC, in {Describe(wait)}.");

    public static string TokensSpentOverall(DateTimeOffset resetsAt, TimeSpan wait) =>
        string.Create(CultureInfo.InvariantCulture, $"The bot has used all of today's tokens for everyone; they renew at {resetsAt:HH:mm} UTC, in {Describe(wait)}.");

    public static string TokensHeldByReplies(long held) =>
        string.Create(CultureInfo.InvariantCulture, $"Your replies still being written hold the rest of today's tokens ({held:N0}); try again when they have finished.");

    public static string TokensTooFewLeft(long left, DateTimeOffset resetsAt, TimeSpan wait) =>
        string.Create(CultureInfo.InvariantCulture, $"This chat needs more than the {left:N0} tokens you have left today; start a new chat, or wait until they renew at {resetsAt:HH:mm} UTC, in {Describe(wait)}.");

    public static string TokensTooFewLeftOverall(DateTimeOffset resetsAt, TimeSpan wait) =>
        string.Create(CultureInfo.InvariantCulture, $"The bot has too few of today's tokens left to answer this; they renew at {resetsAt:HH:mm} UTC, in {Describe(wait)}.");

    /// <summary>A wait in words, rounded up so that trying again after it always works: "40 seconds", "1 minute".</summary>
    public static string Describe(TimeSpan wait)
    {
        if (wait <= TimeSpan.FromSeconds(90))
        {
            return Count(Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)), "second");
        }

        if (wait <= TimeSpan.FromMinutes(90))
        {
            return Count((int)Math.Ceiling(wait.TotalMinutes), "minute");
        }

        return Count((int)Math.Ceiling(wait.TotalHours), "hour");
    }

    private static string Count(int value, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{value} {unit}{(value == 1 ? "" : "s")}");
}
