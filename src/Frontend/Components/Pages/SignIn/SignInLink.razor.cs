using ChatbotOrleans.Frontend.Auth;
using Microsoft.AspNetCore.Components;

namespace ChatbotOrleans.Frontend.Components.Pages.SignIn;

/// <summary>The static page an emailed sign-in link opens: a button that redeems the token, then the chat.</summary>
public sealed partial class SignInLink
{
    private string? _error;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "token")]
    private string? QueryToken { get; set; }

    [SupplyParameterFromForm(FormName = "signin-link")]
    private string? Token { get; set; }

    [Inject]
    private SignInService SignInService { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized()
    {
        Token ??= QueryToken;
        if (string.IsNullOrWhiteSpace(Token))
        {
            _error = "This page needs the link from your email. Sign in with your email address to get one.";
        }
    }

    private async Task RedeemAsync()
    {
        _error = await SignInService.RedeemLinkAsync(HttpContext, Token ?? "");
        if (_error is null)
        {
            Navigation.NavigateTo("/");
        }
    }
}
