using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Email;
using ChatbotOrleans.Grains.Limits;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Grains.Users;

// Used for a moment at each sign-in; idle for the rest of the session, so it need not stay in memory for Orleans'
// default quarter of an hour.
[CollectionAgeLimit(Minutes = 2)]
public sealed class AccountGrain(
    [PersistentState("account", StorageNames.Chat)] IPersistentState<AccountState> state,
    TimeProvider time,
    IOptions<EmailOptions> email,
    IOptions<SignInLinkOptions> links,
    IOptions<BudgetOptions> budgets)
    : Grain, IAccountGrain
{
    private string Address => this.GetPrimaryKeyString();

    public async Task<SignInResult> SignInAsync(string network)
    {
        // Every sign-in sends an email (welcome or link), so the limit is counted and stored before anything
        // else happens: a refused attempt changes nothing, and a restart does not reset the count. It counts per
        // network, so a stranger's requests never use up the owner's.
        var now = time.GetUtcNow();
        var limit = new SlidingWindowLimit(links.Value.MaxSignInsPerHour, SignInLinkRules.SignInWindow);
        var signInsAt = state.State.SignInsByNetwork.TryGetValue(network, out var times) ? times : [];
        if (!limit.TryTake(signInsAt, now, out var wait))
        {
            return new SignInResult(null, RateLimitMessages.TooManySignIns(wait));
        }

        state.State.SignInsByNetwork[network] = signInsAt;
        state.State.SignInsAt.Clear();
        foreach (var quiet in state.State.SignInsByNetwork.Where(e => e.Value.TrueForAll(t => now - t >= SignInLinkRules.SignInWindow)).ToList())
        {
            state.State.SignInsByNetwork.Remove(quiet.Key);
        }

        if (state.State.UserId == Guid.Empty)
        {
            if (await NewAccountRefusalAsync(network) is { } refusal)
            {
                return new SignInResult(null, refusal);
            }

            state.State.UserId = UserId.New().Value;
            state.State.CreatedAt = now;
        }

        await ForgetExpiredLinksAsync(now);
        await state.WriteStateAsync();
        if (state.State.WelcomeQueued)
        {
            return await SendSignInLinkAsync();
        }

        // Every step is idempotent, so a crash in between is repaired by the next sign-in, which still
        // counts as the first one until the welcome email is queued.
        var user = await GrainFactory.GetGrain<IUserConversations>(state.State.UserId).InitializeAsync(Address, network);
        var welcome = EmailIds.Welcome(state.State.UserId);
        var link = await IssueLinkAsync(welcome);
        await GrainFactory.GetGrain<IEmailOutboxGrain>(welcome)
            .EnqueueAsync(EmailTemplates.Welcome(Address, AppUrl(), link, links.Value.LinkLifetime));
        state.State.WelcomeQueued = true;
        await state.WriteStateAsync();
        return new SignInResult(user, null);
    }

    public async Task ForgetAsync()
    {
        foreach (var issued in state.State.Links)
        {
            await ForgetLinkAsync(issued);
        }

        if (state.State.UserId != Guid.Empty)
        {
            await GrainFactory.GetGrain<IEmailOutboxGrain>(EmailIds.Welcome(state.State.UserId)).ForgetAsync();
        }

        await GrainFactory.GetGrain<IEmailOutboxRegistryGrain>(Guid.Empty).ForgetRecipientAsync(Address);
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        DeactivateOnIdle();
    }

    private async Task<string?> NewAccountRefusalAsync(string network)
    {
        var limits = budgets.Value;
        if (await GrainFactory.TryTakeAsync(Budgets.NewAccountsFrom(network), limits.MaxNewAccountsPerNetworkPerHour, Budgets.Hour) is { } networkWait)
        {
            return RateLimitMessages.TooManyNewAccountsFromNetwork(networkWait);
        }

        return await GrainFactory.TryTakeAsync(Budgets.NewAccounts, limits.MaxNewAccountsPerHour, Budgets.Hour) is { } overallWait
            ? RateLimitMessages.TooManyNewAccounts(overallWait)
            : null;
    }

    private async Task<SignInResult> SendSignInLinkAsync()
    {
        var emailId = Guid.NewGuid();
        var link = await IssueLinkAsync(emailId);
        await GrainFactory.GetGrain<IEmailOutboxGrain>(emailId)
            .EnqueueAsync(EmailTemplates.SignInLink(Address, link, links.Value.LinkLifetime));
        return new SignInResult(null, null, LinkSent: true);
    }

    private async Task<Uri> IssueLinkAsync(Guid emailId)
    {
        var (token, key) = SignInLinkToken.Create();
        var expiresAt = time.GetUtcNow() + links.Value.LinkLifetime;
        await GrainFactory.GetGrain<ISignInLinkGrain>(key).IssueAsync(new UserId(state.State.UserId), expiresAt);

        // Remembered before the email goes out, so that no row of it outlives the account.
        state.State.Links.Add(new IssuedLink(key, emailId, expiresAt));
        await state.WriteStateAsync();
        return SignInLinkRules.LinkFor(email.Value.PublicUrl, token);
    }

    /// <summary>An expired link and its email are of no more use to anyone: their rows go.</summary>
    private async Task ForgetExpiredLinksAsync(DateTimeOffset now)
    {
        foreach (var expired in state.State.Links.Where(l => l.ExpiresAt <= now).ToList())
        {
            await ForgetLinkAsync(expired);
            state.State.Links.Remove(expired);
        }
    }

    private async Task ForgetLinkAsync(IssuedLink issued)
    {
        await GrainFactory.GetGrain<ISignInLinkGrain>(issued.Link).ForgetAsync();
        if (issued.Email != EmailIds.Welcome(state.State.UserId))
        {
            await GrainFactory.GetGrain<IEmailOutboxGrain>(issued.Email).ForgetAsync();
        }
    }

    private Uri AppUrl() => new(email.Value.PublicUrl);
}
