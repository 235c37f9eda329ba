using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Orleans.Concurrency;

namespace ChatbotOrleans.Grains.Users;

public sealed class UserGrain(
    [PersistentState("user", StorageNames.Chat)] IPersistentState<UserState> state,
    TimeProvider time)
    : Grain, IUserGrain, IUserConversations
{
    private UserId Id => new(this.GetPrimaryKey());

    private bool Exists => state.State.Email.Length > 0;

    [ReadOnly]
    public Task<UserProfile?> GetProfileAsync() =>
        Task.FromResult(Exists ? new UserProfile(Id, state.State.Email, state.State.CreatedAt) : null);

    [ReadOnly]
    public Task<IReadOnlyList<ConversationSummary>> ListConversationsAsync() =>
        Task.FromResult<IReadOnlyList<ConversationSummary>>(
            [.. state.State.Conversations.OrderByDescending(c => c.UpdatedAt)]);

    public async Task<ConversationSummary> StartConversationAsync()
    {
        if (!Exists)
        {
            throw new InvalidOperationException("No user has this id; sign in first.");
        }

        var id = ConversationId.New();
        await GrainFactory.GetGrain<IConversationLifecycle>(id.Value).CreateAsync(Id);
        var summary = new ConversationSummary(id, "New chat", time.GetUtcNow());
        state.State.Conversations.Add(summary);
        await state.WriteStateAsync();
        return summary;
    }

    public async Task<UserProfile> InitializeAsync(string email)
    {
        if (!Exists)
        {
            state.State.Email = email;
            state.State.CreatedAt = time.GetUtcNow();
            await state.WriteStateAsync();
        }

        return new UserProfile(Id, state.State.Email, state.State.CreatedAt);
    }

    public async Task ConversationDeletedAsync(ConversationId conversation)
    {
        if (state.State.Conversations.RemoveAll(c => c.Id == conversation) > 0)
        {
            await state.WriteStateAsync();
        }
    }

    public async Task ConversationChangedAsync(ConversationSummary summary)
    {
        var index = state.State.Conversations.FindIndex(c => c.Id == summary.Id);
        if (index < 0)
        {
            return;
        }

        state.State.Conversations[index] = summary;
        await state.WriteStateAsync();
    }
}
