using ChatbotOrleans.Frontend.Auth;
using Microsoft.AspNetCore.Components;

namespace ChatbotOrleans.Frontend.Components.Pages.SignIn;

/// <summary>The static page an emailed sign-in link opens: a button that redeems the token, then the chat.</summary>
public sealed partial class SignInLink
{
    private string? _error;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    // Links from before the token moved into the fragment (still in inboxes for a few minutes).
    [SupplyParameterFromQuery(Name = "token")]
    private string? QueryToken { get; set; }

    [SupplyParameterFromForm(FormName = "signin-link")]
    private string? Token { get; set; }

    [Inject]
    private SignInService SignInService { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized() => Token ??= QueryToken;

    private async Task RedeemAsync()
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            _error = "This page needs the link from your email. Sign in with your email address to get one.";
            return;
        }

        _error = await SignInService.RedeemLinkAsync(HttpContext, Token);
        if (_error is null)
        {
            Navigation.NavigateTo("/");
        }
    }
}
