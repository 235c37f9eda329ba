using Orleans.Concurrency;

namespace ChatbotOrleans.Grains.Email;

public sealed class EmailOutboxRegistryGrain(
    [PersistentState("emailOutboxRegistry", StorageNames.Chat)] IPersistentState<EmailOutboxRegistryState> state)
    : Grain, IEmailOutboxRegistryGrain
{
    /// <summary>Bounds the state: the log keeps every failure, this list is what an operator acts on.</summary>
    internal const int MaxEntries = 1_000;

    public async Task RecordUndeliveredAsync(UndeliveredEmail email)
    {
        var list = state.State.Undelivered;
        list.RemoveAll(e => e.Id == email.Id);
        list.Add(email);
        if (list.Count > MaxEntries)
        {
            list.RemoveRange(0, list.Count - MaxEntries);
        }

        await state.WriteStateAsync();
    }

    public async Task ForgetRecipientAsync(string address)
    {
        if (state.State.Undelivered.RemoveAll(e => string.Equals(e.To, address, StringComparison.OrdinalIgnoreCase)) > 0)
        {
            await state.WriteStateAsync();
        }
    }

    [ReadOnly]
    public Task<IReadOnlyList<UndeliveredEmail>> ListUndeliveredAsync() =>
        Task.FromResult<IReadOnlyList<UndeliveredEmail>>([.. state.State.Undelivered.OrderByDescending(e => e.FailedAt)]);
}
