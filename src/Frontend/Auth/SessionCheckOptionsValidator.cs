using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Frontend.Auth;

/// <summary>Checks <see cref="SessionCheckOptions"/> at start (generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class SessionCheckOptionsValidator : IValidateOptions<SessionCheckOptions>;
