using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Account;

/// <summary>The account page's and endpoints' calls on the user's grain: facts, export, deletion.</summary>
internal sealed class AccountService(IClusterClient client)
{
    public Task<UserProfile?> GetProfileAsync(UserId user) => User(user).GetProfileAsync();

    public Task<IReadOnlyList<ConversationSummary>> ListConversationsAsync(UserId user) => User(user).ListConversationsAsync();

    public Task<AccountExport?> ExportAsync(UserId user) => User(user).ExportAsync();

    public Task DeleteAsync(UserId user) => User(user).DeleteAccountAsync();

    private IUserGrain User(UserId user) => client.GetGrain<IUserGrain>(user.Value);
}
