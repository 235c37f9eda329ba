using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Grains.Email;

/// <summary>Checks <see cref="EmailOptions"/> at start (generated from its attributes).</summary>
[OptionsValidator]
public sealed partial class EmailOptionsValidator : IValidateOptions<EmailOptions>;
