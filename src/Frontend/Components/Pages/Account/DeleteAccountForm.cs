namespace ChatbotOrleans.Frontend.Components.Pages.Account;

/// <summary>What the delete-account form posts: the address, typed again to confirm.</summary>
internal sealed class DeleteAccountForm
{
    public string Email { get; set; } = string.Empty;
}
