using System.Globalization;
using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>Which model and instructions a conversation may choose, and which model it gets.</summary>
public static class ConversationSetupRules
{
    /// <summary>The setup to store (instructions trimmed, line breaks normalised), or a sentence saying why not.</summary>
    public static (ConversationSetup? Setup, string? Error) Check(ConversationSetup setup, IChatModels models, int maxInstructionsLength)
    {
        if (setup.ModelId is { } id && models.Find(id) is null)
        {
            return (null, $"There is no model “{id}”; choose one of {string.Join(", ", models.All.Select(m => m.DisplayName))}.");
        }

        var (instructions, error) = CheckInstructions(setup.Instructions, maxInstructionsLength);
        return error is null ? (setup with { Instructions = instructions }, null) : (null, error);
    }

    /// <summary>Stores the setup in <paramref name="state"/>, or leaves it as it was and says why not.</summary>
    public static string? Apply(ConversationState state, ConversationSetup setup, IChatModels models, int maxInstructionsLength)
    {
        var (valid, error) = Check(setup, models, maxInstructionsLength);
        if (valid is not null)
        {
            (state.ModelId, state.Instructions) = (valid.ModelId, valid.Instructions);
        }

        return error;
    }

    /// <summary>The instructions to store (empty for none), or a sentence that states the limit.</summary>
    public static (string Instructions, string? Error) CheckInstructions(string? text, int maxLength)
    {
        var trimmed = (text ?? "").ReplaceLineEndings("\n").Trim();
        if (trimmed.Length > maxLength)
        {
            return ("", string.Create(
                CultureInfo.InvariantCulture,
                $"Instructions can be at most {maxLength:N0} characters; these are {trimmed.Length:N0}."));
        }

        return MessageRules.FindForbiddenCharacter(trimmed, "The instructions contain", "were not saved") is { } error ? ("", error) : (trimmed, null);
    }

    /// <summary>The model that writes the next reply: the one chosen, or the default when it is not offered (any more).</summary>
    public static IChatModel ModelFor(string? chosen, IChatModels models) => models.Find(chosen) ?? models.Default;

    /// <summary>The setup as the page shows it, with a note when the chosen model was removed.</summary>
    public static ConversationSettings Describe(ConversationState state, IChatModels models)
    {
        var model = ModelFor(state.ModelId, models);
        var note = state.ModelId is { } chosen && model.Name != chosen
            ? $"The model this chat used (“{chosen}”) is no longer offered; replies now come from {model.DisplayName}."
            : null;
        return new ConversationSettings(model.Name, state.Instructions, note);
    }
}
