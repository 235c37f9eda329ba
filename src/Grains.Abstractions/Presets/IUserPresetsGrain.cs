namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>A user's presets, beside the built-in ones. Keyed by <see cref="UserId"/>: pages call only their own user's.</summary>
[Alias("IUserPresetsGrain")]
public interface IUserPresetsGrain : IGrainWithGuidKey
{
    /// <summary>The built-in presets, then the user's own in the order they were saved.</summary>
    Task<IReadOnlyList<ChatPreset>> ListAsync();

    /// <summary>
    /// Saves a preset of the user, replacing theirs of the same name. Refused, changing nothing, for a name
    /// that is empty, too long or a built-in one's, instructions over the limit, an unknown model, or too many presets.
    /// </summary>
    Task<ChangeResult> SaveAsync(ChatPreset preset);

    /// <summary>Deletes the user's preset of that name; built-in ones cannot be deleted.</summary>
    Task<ChangeResult> DeleteAsync(string name);

    /// <summary>The user's own presets (not the built-in ones), for their data export.</summary>
    Task<IReadOnlyList<ChatPreset>> ExportAsync();

    /// <summary>Deletes all of the user's presets and their stored row (account deletion). Idempotent.</summary>
    Task ClearAsync();
}
