using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Users;

public sealed class AccountGrain(
    [PersistentState("account", StorageNames.Chat)] IPersistentState<AccountState> state,
    TimeProvider time)
    : Grain, IAccountGrain
{
    public async Task<UserProfile> SignInAsync()
    {
        if (state.State.UserId == Guid.Empty)
        {
            state.State.UserId = UserId.New().Value;
            state.State.CreatedAt = time.GetUtcNow();
            await state.WriteStateAsync();
        }

        // Idempotent, so a crash between the two writes is repaired by the next sign-in.
        return await GrainFactory.GetGrain<IUserConversations>(state.State.UserId).InitializeAsync(this.GetPrimaryKeyString());
    }
}
