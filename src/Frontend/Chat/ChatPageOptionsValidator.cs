using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>Checks <see cref="ChatPageOptions"/> at start (generated from its attributes).</summary>
[OptionsValidator]
public sealed partial class ChatPageOptionsValidator : IValidateOptions<ChatPageOptions>;
