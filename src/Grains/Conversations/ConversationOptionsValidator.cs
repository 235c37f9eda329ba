using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>Checks <see cref="ConversationOptions"/> at start (generated from its attributes).</summary>
[OptionsValidator]
public sealed partial class ConversationOptionsValidator : IValidateOptions<ConversationOptions>;
