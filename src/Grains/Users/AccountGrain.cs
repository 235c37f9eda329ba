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
    IOptions<SignInLinkOptions> links)
    : Grain, IAccountGrain
{
    private string Address => this.GetPrimaryKeyString();

    public async Task<SignInResult> SignInAsync()
    {
        // Every sign-in sends an email (welcome or link), so the limit is counted and stored before anything
        // else happens: a refused attempt changes nothing, and a restart does not reset the count.
        var limit = new SlidingWindowLimit(links.Value.MaxSignInsPerHour, SignInLinkRules.SignInWindow);
        if (!limit.TryTake(state.State.SignInsAt, time.GetUtcNow(), out var wait))
        {
            return new SignInResult(null, RateLimitMessages.TooManySignIns(wait));
        }

        if (state.State.UserId == Guid.Empty)
        {
            state.State.UserId = UserId.New().Value;
            state.State.CreatedAt = time.GetUtcNow();
        }

        await state.WriteStateAsync();
        if (state.State.WelcomeQueued)
        {
            return await SendSignInLinkAsync();
        }

        // Every step is idempotent, so a crash in between is repaired by the next sign-in, which still
        // counts as the first one until the welcome email is queued.
        var user = await GrainFactory.GetGrain<IUserConversations>(state.State.UserId).InitializeAsync(Address);
        var link = await IssueLinkAsync();
        await GrainFactory.GetGrain<IEmailOutboxGrain>(EmailIds.Welcome(state.State.UserId))
            .EnqueueAsync(EmailTemplates.Welcome(Address, AppUrl(), link, links.Value.LinkLifetime));
        state.State.WelcomeQueued = true;
        await state.WriteStateAsync();
        return new SignInResult(user, null);
    }

    private async Task<SignInResult> SendSignInLinkAsync()
    {
        var link = await IssueLinkAsync();
        await GrainFactory.GetGrain<IEmailOutboxGrain>(Guid.NewGuid())
            .EnqueueAsync(EmailTemplates.SignInLink(Address, link, links.Value.LinkLifetime));
        return new SignInResult(null, null, LinkSent: true);
    }

    private async Task<Uri> IssueLinkAsync()
    {
        var (token, key) = SignInLinkToken.Create();
        await GrainFactory.GetGrain<ISignInLinkGrain>(key)
            .IssueAsync(new UserId(state.State.UserId), time.GetUtcNow() + links.Value.LinkLifetime);
        return new Uri($"{email.Value.PublicUrl.TrimEnd('/')}/signin/link?token={token}");
    }

    private Uri AppUrl() => new(email.Value.PublicUrl);
}
