using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Silo.Hosting;

[OptionsValidator]
internal sealed partial class SiloHostOptionsValidator : IValidateOptions<SiloHostOptions>;
