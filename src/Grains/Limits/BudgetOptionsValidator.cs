using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Grains.Limits;

/// <summary>Checks <see cref="BudgetOptions"/> at start (generated from its attributes).</summary>
[OptionsValidator]
public sealed partial class BudgetOptionsValidator : IValidateOptions<BudgetOptions>;
