using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Tests.Chat.Fakes;

/// <summary>The signed-in user: their list of chats, their newest, and what starting another one answers.</summary>
internal sealed class FakeUserGrain : IUserGrain
{
    public List<ConversationSummary> Conversations { get; } = [];

    /// <summary>What "find or start the newest" answers; the first of the list when not set.</summary>
    public ConversationSummary? Newest { get; set; }

    /// <summary>What starting a chat answers; a new chat when not set.</summary>
    public StartConversationResult? Started { get; set; }

    public int Starts { get; private set; }

    public Task<IReadOnlyList<ConversationSummary>> ListConversationsAsync() => Task.FromResult<IReadOnlyList<ConversationSummary>>([.. Conversations]);

    public Task<ConversationSummary> FindOrStartNewestAsync() => Task.FromResult(Newest ?? Conversations[0]);

    public Task<StartConversationResult> TryStartConversationAsync()
    {
        Starts++;
        return Task.FromResult(Started ?? new StartConversationResult(ConversationFixture.Summary(ConversationId.New()), null));
    }

    public Task<UserProfile?> GetProfileAsync() => throw new NotSupportedException();

    public Task<ConversationSummary> StartConversationAsync() => throw new NotSupportedException();

    public Task SignOutEverywhereAsync() => throw new NotSupportedException();

    public Task<AccountExport?> ExportAsync() => throw new NotSupportedException();

    public Task DeleteAccountAsync() => throw new NotSupportedException();
}
