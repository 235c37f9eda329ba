using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Grains.Users;

/// <summary>Checks <see cref="SignInLinkOptions"/> at start (generated from its attributes).</summary>
[OptionsValidator]
public sealed partial class SignInLinkOptionsValidator : IValidateOptions<SignInLinkOptions>;
