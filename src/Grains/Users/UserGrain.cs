using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Placement;

namespace ChatbotOrleans.Grains.Users;

/// <summary>
/// Holds a <see cref="User"/> and their list of conversations. Every change to the list is published on the user's
/// stream, so all of their open pages show the same list.
/// </summary>
// Beside the account that signs it in; its conversations and their helpers then start beside it, so a
// message's calls stay in one silo (bench/results/scale-out.md).
[PreferLocalPlacement]
public sealed partial class UserGrain(
    [PersistentState("user", StorageNames.Chat)] IPersistentState<UserState> state,
    TimeProvider time,
    IMessageLog log,
    IConversationIds conversationIds,
    IOptions<BudgetOptions> budgets,
    ILogger<UserGrain> logger)
    : Grain, IUserGrain, IUserConversations
{
    private User _user = null!;
    private ConversationListEvents _events = null!;

    private UserId Id => new(this.GetPrimaryKey());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _user = new User(Id, state.State, budgets.Value);
        var stream = this.GetStreamProvider(ConversationStreams.ProviderName)
            .GetStream<ConversationListChanged>(StreamId.Create(UserStreams.Namespace, Id.Value));
        _events = new ConversationListEvents(Id, stream, logger);
        return Task.CompletedTask;
    }

    [ReadOnly]
    public Task<UserProfile?> GetProfileAsync() => Task.FromResult(_user.Exists ? _user.Profile : null);

    [ReadOnly]
    public Task<IReadOnlyList<ConversationSummary>> ListConversationsAsync() => Task.FromResult(_user.NewestFirst());

    public async Task<ConversationSummary> FindOrStartNewestAsync() =>
        _user.NewestFirst() is [var newest, ..] ? newest : await StartConversationAsync();

    public async Task<ConversationSummary> StartConversationAsync()
    {
        var started = await TryStartConversationAsync();
        return started.Conversation ?? throw new InvalidOperationException(started.Error);
    }

    public async Task<StartConversationResult> TryStartConversationAsync()
    {
        if (!_user.Exists)
        {
            throw new InvalidOperationException("No user has this id; sign in first.");
        }

        if (_user.TakeStart(time.GetUtcNow()) is { } refusal)
        {
            return new StartConversationResult(null, refusal);
        }

        var id = conversationIds.Next();
        await GrainFactory.GetGrain<IInternalConversationGrain>(id.Value).CreateAsync(Id);
        var summary = _user.AddConversation(id, time.GetUtcNow());
        await WriteAndPublishListAsync();
        return new StartConversationResult(summary, null);
    }

    public async Task<UserProfile> InitializeAsync(string email, string network)
    {
        if (_user.Initialize(email, network, time.GetUtcNow()))
        {
            await state.WriteStateAsync();
        }

        return _user.Profile;
    }

    public async Task ConversationDeletedAsync(ConversationId conversation)
    {
        if (_user.RemoveConversation(conversation))
        {
            await WriteAndPublishListAsync();
        }
    }

    public async Task ConversationChangedAsync(ConversationSummary summary)
    {
        switch (_user.UpdateConversation(summary))
        {
            case ListedChange.Changed:
                await WriteAndPublishListAsync();
                break;
            case ListedChange.Moved:
                await _events.MovedAsync(_user.Listed(summary.Id), _user.ListVersion);
                break;
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_user.HasUnwrittenTimes)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    private async Task WriteAndPublishListAsync()
    {
        _user.NextListVersion();
        await state.WriteStateAsync();
        _user.TimesWritten();
        await _events.ListChangedAsync(_user.NewestFirst(), _user.ListVersion);
    }
}
