using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Placement;

namespace ChatbotOrleans.Grains.Users;

/// <summary>
/// A user and their list of conversations. Every change to the list is published on the user's stream,
/// so all of their open pages show the same list.
/// </summary>
// Beside the account that signs it in; its conversations and their helpers then start beside it, so a
// message's calls stay in one silo (bench/results/scale-out.md).
[PreferLocalPlacement]
public sealed partial class UserGrain(
    [PersistentState("user", StorageNames.Chat)] IPersistentState<UserState> state,
    TimeProvider time,
    IMessageLog log,
    IOptions<BudgetOptions> budgets,
    ILogger<UserGrain> logger)
    : Grain, IUserGrain, IUserConversations
{
    private const string NewChatTitle = "New chat";

    private readonly SlidingWindowLimit _startLimit = new(budgets.Value.MaxNewConversationsPerMinute, Budgets.Minute);
    private readonly List<DateTimeOffset> _startedAt = [];
    private bool _unsavedActivity;

    private UserId Id => new(this.GetPrimaryKey());

    private bool Exists => state.State.Email.Length > 0;

    private List<ConversationSummary> Conversations => state.State.Conversations;

    [ReadOnly]
    public Task<UserProfile?> GetProfileAsync() => Task.FromResult(Exists ? Profile : null);

    private UserProfile Profile =>
        new(Id, state.State.Email, state.State.CreatedAt, state.State.SessionStamp, state.State.AddressProven);

    [ReadOnly]
    public Task<IReadOnlyList<ConversationSummary>> ListConversationsAsync() => Task.FromResult(NewestFirst());

    public async Task<ConversationSummary> FindOrStartNewestAsync() =>
        Conversations.Count > 0 ? NewestFirst()[0] : await StartConversationAsync();

    public async Task<ConversationSummary> StartConversationAsync()
    {
        var started = await TryStartConversationAsync();
        return started.Conversation ?? throw new InvalidOperationException(started.Error);
    }

    public async Task<StartConversationResult> TryStartConversationAsync()
    {
        if (!Exists)
        {
            throw new InvalidOperationException("No user has this id; sign in first.");
        }

        if (Conversations.Count >= budgets.Value.MaxConversationsPerUser)
        {
            return new StartConversationResult(null, RateLimitMessages.TooManyChats(budgets.Value.MaxConversationsPerUser));
        }

        if (!_startLimit.TryTake(_startedAt, time.GetUtcNow(), out var wait))
        {
            return new StartConversationResult(null, RateLimitMessages.TooManyNewChats(wait));
        }

        var id = ConversationId.New();
        await GrainFactory.GetGrain<IInternalConversationGrain>(id.Value).CreateAsync(Id);
        var summary = new ConversationSummary(id, NewChatTitle, time.GetUtcNow(), IsEmpty: true);
        Conversations.Add(summary);
        await SaveAndPublishAsync();
        return new StartConversationResult(summary, null);
    }

    public async Task<UserProfile> InitializeAsync(string email, string network)
    {
        if (!Exists)
        {
            state.State.Email = email;
            state.State.CreatedAt = time.GetUtcNow();
            state.State.SessionStamp = Guid.NewGuid();
            state.State.Network = network;
            await state.WriteStateAsync();
        }

        return Profile;
    }

    public async Task ConversationDeletedAsync(ConversationId conversation)
    {
        if (Conversations.RemoveAll(c => c.Id == conversation) > 0)
        {
            await SaveAndPublishAsync();
        }
    }

    public async Task ConversationChangedAsync(ConversationSummary summary)
    {
        var index = Conversations.FindIndex(c => c.Id == summary.Id);
        if (index < 0)
        {
            return;
        }

        var previous = Conversations[index];
        var wasNewest = Conversations.TrueForAll(c => c.Id == summary.Id || c.UpdatedAt <= previous.UpdatedAt);
        Conversations[index] = summary with { Title = summary.Title.Length > 0 ? summary.Title : NewChatTitle };

        // A message only bumps the chat's time. The order it changes is published for open pages, but not
        // written at once: that would be one more commit per message. The next change that matters (a title,
        // a new or deleted chat) or the end of this activation writes the newer times; only a crash loses them.
        if (previous.Title == Conversations[index].Title && previous.IsEmpty == summary.IsEmpty)
        {
            _unsavedActivity = true;
            if (!wasNewest)
            {
                // Pages move the one chat up themselves: the event does not grow with the user's list.
                await PublishAsync(new ConversationListChanged(Id, [Conversations[index]], OnlyChanged: true));
            }

            return;
        }

        await SaveAndPublishAsync();
    }

    private IReadOnlyList<ConversationSummary> NewestFirst() => [.. Conversations.OrderByDescending(c => c.UpdatedAt)];

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_unsavedActivity)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    private async Task SaveAndPublishAsync()
    {
        await state.WriteStateAsync();
        _unsavedActivity = false;
        await PublishAsync(new ConversationListChanged(Id, NewestFirst()));
    }

    private async Task PublishAsync(ConversationListChanged changed)
    {
        try
        {
            await this.GetStreamProvider(ConversationStreams.ProviderName)
                .GetStream<ConversationListChanged>(StreamId.Create(UserStreams.Namespace, Id.Value))
                .OnNextAsync(changed);
        }
        catch (Exception exception)
        {
            // The list is stored; pages that missed this load it again on their next reconnect.
            LogPublishFailed(logger, exception, Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the conversation list of user {UserId} failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, UserId userId);
}
