using ChatbotOrleans.Frontend.Account;
using ChatbotOrleans.Frontend.Auth;
using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components;

namespace ChatbotOrleans.Frontend.Components.Pages.Account;

/// <summary>The static account page: the account's facts, the export, "sign out everywhere" and deletion.</summary>
public sealed partial class Account
{
    private UserProfile? _profile;
    private int _conversations;
    private string? _error;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "delete-account")]
    private DeleteAccountForm? Input { get; set; }

    [Inject]
    private AccountService Accounts { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new DeleteAccountForm();
        if (UserClaims.TryGetUserId(HttpContext.User, out var user))
        {
            _profile = await Accounts.GetProfileAsync(user);
            _conversations = (await Accounts.ListConversationsAsync(user)).Count;
        }
    }

    private async Task DeleteAsync()
    {
        if (_profile is null || !UserClaims.TryGetUserId(HttpContext.User, out var user))
        {
            return;
        }

        if (!string.Equals(Input!.Email.Trim(), _profile.Email, StringComparison.OrdinalIgnoreCase))
        {
            _error = "That is not the address of this account; nothing was deleted. Type it exactly to confirm.";
            return;
        }

        await Accounts.DeleteAsync(user);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        Navigation.NavigateTo("/signin");
    }
}
