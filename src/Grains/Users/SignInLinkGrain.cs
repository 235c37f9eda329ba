using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Users;

// Used for a moment at each sign-in; idle for the rest of the session, so it need not stay in memory for Orleans'
// default quarter of an hour.
[CollectionAgeLimit(Minutes = 2)]
public sealed class SignInLinkGrain(
    [PersistentState("signInLink", StorageNames.Chat)] IPersistentState<SignInLinkState> state,
    TimeProvider time)
    : Grain, ISignInLinkGrain
{
    public async Task IssueAsync(UserId user, DateTimeOffset expiresAt)
    {
        state.State.UserId = user.Value;
        state.State.ExpiresAt = expiresAt;
        state.State.UsedAt = null;
        await state.WriteStateAsync();
    }

    public async Task<SignInLinkOutcome> RedeemAsync()
    {
        var now = time.GetUtcNow();
        if (SignInLinkRules.RefusalFor(state.State, now) is { } refusal)
        {
            return new SignInLinkOutcome(null, refusal);
        }

        // Stored as used before the user is returned: a crash in between costs a new link, never a second use.
        state.State.UsedAt = now;
        await state.WriteStateAsync();
        return new SignInLinkOutcome(new UserId(state.State.UserId), null);
    }

    public async Task ForgetAsync()
    {
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        DeactivateOnIdle();
    }
}
