using System.ComponentModel.DataAnnotations;

namespace ChatbotOrleans.Frontend.Components.Pages.SignIn;

/// <summary>What the sign-in form posts.</summary>
internal sealed class SignInForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    [StringLength(254, ErrorMessage = "An email address has at most 254 characters.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = string.Empty;
}
