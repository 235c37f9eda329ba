namespace ChatbotOrleans.Bench;

/// <summary>How much each section does. The default is the sizes; <c>--quick</c> is a smoke run.</summary>
public sealed record BenchSizes
{
    public required string Name { get; init; }

    /// <summary>How long each throughput measurement (the ceiling's and ours) runs.</summary>
    public required TimeSpan Window { get; init; }

    /// <summary>The concurrencies of sections 1 and 2.</summary>
    public required int[] Concurrencies { get; init; }

    /// <summary>Turns each conversation has before it is measured, so its state is at its steady size.</summary>
    public required int SeedTurns { get; init; }

    /// <summary>Timed sends of section 3.</summary>
    public required int LatencySamples { get; init; }

    /// <summary>The conversation lengths (messages) of section 4.</summary>
    public required int[] GrowthLengths { get; init; }

    /// <summary>Timed sends at each length of section 4.</summary>
    public required int GrowthSamples { get; init; }

    /// <summary>Active conversations of section 5 and the messages each holds.</summary>
    public required int MemoryConversations { get; init; }

    public required int MemoryMessages { get; init; }

    /// <summary>
    /// Section 5 opens chat pages (Blazor circuits) in rounds of this many, reading the frontend after each;
    /// the first round is a young process's (reported apart), the later ones give the per-page slope.
    /// </summary>
    public required int ChatPages { get; init; }

    /// <summary>The rounds of <see cref="ChatPages"/> (at least three: the first and two more for a slope).</summary>
    public required int ChatPageRounds { get; init; }

    /// <summary>Chat pages opened before section 5 measures, so the frontend's one-time costs (JIT, pools, caches) are paid.</summary>
    public required int WarmChatPages { get; init; }

    /// <summary>Section 6: reply length, concurrency of the fast model, and the realistic model's delays.</summary>
    public required int ReplyTokens { get; init; }

    public required int FullTurnConcurrency { get; init; }

    public required TimeSpan RealisticFirstToken { get; init; }

    public required TimeSpan RealisticTokenDelay { get; init; }

    public required int[] RealisticConcurrencies { get; init; }

    public required int RealisticTurns { get; init; }

    /// <summary>Section 7: conversations and turns each.</summary>
    public required int DatabaseConversations { get; init; }

    public required int DatabaseTurns { get; init; }

    /// <summary>Section 8: the conversation scrolled back through and the timed pages at each end.</summary>
    public required int PagingMessages { get; init; }

    public required int PagingSamples { get; init; }

    /// <summary>
    /// Section 8, scrolled pages: the conversation (user messages and their replies, sent through the grain) that
    /// chat pages scroll back through to its first message, and how many such pages are measured together.
    /// </summary>
    public required int ScrolledMessages { get; init; }

    public required int ScrolledPages { get; init; }

    /// <summary>Section 8, scrolled pages: rounds of <see cref="ScrolledPages"/> tabs, read after each for the slope per page.</summary>
    public required int ScrolledRounds { get; init; }

    /// <summary>Section 8: the search's users (of whom a few real, who search), their conversations and messages, and the timed searches.</summary>
    public required int SearchUsers { get; init; }

    public required int SearchRealUsers { get; init; }

    public int SearchConversationsPerUser { get; init; } = 5;

    public required int SearchMessagesPerConversation { get; init; }

    public required int SearchSamples { get; init; }

    /// <summary>How long a process is left alone before its working set is read (section 5).</summary>
    public required TimeSpan Settle { get; init; }

    /// <summary>How long section 7 waits for PostgreSQL to publish the commits counted before and after it.</summary>
    public required TimeSpan StatisticsSettle { get; init; }

    /// <summary>The user's message in sections 2, 3, 4 and 7, and the short reply the model gives there.</summary>
    public int MessageCharacters { get; init; } = 200;

    public int ShortReplyTokens { get; init; } = 5;

    public static BenchSizes Default { get; } = new()
    {
        Name = "default (the issue's sizes)",
        Window = TimeSpan.FromSeconds(8),
        Concurrencies = [1, 16, 64],
        SeedTurns = 24,
        LatencySamples = 300,
        GrowthLengths = [10, 1_000, 10_000],
        GrowthSamples = 100,
        MemoryConversations = 10_000,
        MemoryMessages = 20,
        ChatPages = 20,
        ChatPageRounds = 5,
        WarmChatPages = 5,
        ReplyTokens = 200,
        FullTurnConcurrency = 64,
        RealisticFirstToken = TimeSpan.FromMilliseconds(500),
        RealisticTokenDelay = TimeSpan.FromMilliseconds(20),
        RealisticConcurrencies = [1, 50, 500],
        RealisticTurns = 3,
        DatabaseConversations = 16,

        // A page split of the primary key logs half a page (~3.7 KB) about once per hundred rows: 20 turns (640 rows)
        // drew 1 to 11 splits by chance, 6–60 bytes per user message; 80 turns average them out.
        DatabaseTurns = 80,
        PagingMessages = 10_000,
        PagingSamples = 300,
        ScrolledMessages = 10_000,
        ScrolledPages = 8,
        ScrolledRounds = 4,
        SearchUsers = 10_000,
        SearchRealUsers = 50,
        SearchMessagesPerConversation = 20,
        SearchSamples = 300,
        Settle = TimeSpan.FromSeconds(3),
        StatisticsSettle = TimeSpan.FromSeconds(10.5),
    };

    public static BenchSizes Quick { get; } = new()
    {
        Name = "quick (smoke run; figures are not meaningful)",
        Window = TimeSpan.FromSeconds(0.5),
        Concurrencies = [1, 4, 8],
        SeedTurns = 3,
        LatencySamples = 20,
        GrowthLengths = [10, 40, 100],
        GrowthSamples = 5,
        MemoryConversations = 50,
        MemoryMessages = 4,
        ChatPages = 1,
        ChatPageRounds = 3,
        WarmChatPages = 1,
        ReplyTokens = 20,
        FullTurnConcurrency = 8,
        RealisticFirstToken = TimeSpan.FromMilliseconds(50),
        RealisticTokenDelay = TimeSpan.FromMilliseconds(5),
        RealisticConcurrencies = [1, 5, 10],
        RealisticTurns = 1,
        DatabaseConversations = 4,
        DatabaseTurns = 4,
        PagingMessages = 200,
        PagingSamples = 10,
        ScrolledMessages = 500,
        ScrolledPages = 2,
        ScrolledRounds = 3,
        SearchUsers = 100,
        SearchRealUsers = 3,
        SearchMessagesPerConversation = 4,
        SearchSamples = 10,
        Settle = TimeSpan.FromSeconds(0.3),
        StatisticsSettle = TimeSpan.FromSeconds(1),
    };
}
