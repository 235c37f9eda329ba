using ChatbotOrleans.Frontend.Auth;
using Microsoft.AspNetCore.Components;

namespace ChatbotOrleans.Frontend.Components.Pages.SignIn;

/// <summary>The static (not interactive) sign-in form: a plain POST with antiforgery, then a redirect.</summary>
public sealed partial class SignIn
{
    private string? _error;

    private bool LinkSent => _error == Auth.SignInService.CheckInbox;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "signin")]
    private SignInForm? Input { get; set; }

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    [Inject]
    private SignInService SignInService { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized()
    {
        Input ??= new SignInForm();
        if (HttpMethods.IsGet(HttpContext.Request.Method) && HttpContext.User.Identity?.IsAuthenticated == true)
        {
            Navigation.NavigateTo(LocalUrl.OrHome(ReturnUrl));
        }
    }

    private async Task SignInAsync()
    {
        _error = await SignInService.SignInAsync(HttpContext, Input!.Email.Trim());
        if (_error is null)
        {
            Navigation.NavigateTo(LocalUrl.OrHome(ReturnUrl));
        }
    }
}
