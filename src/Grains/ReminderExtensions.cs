namespace ChatbotOrleans.Grains;

internal static class ReminderExtensions
{
    /// <summary>Removes the grain's reminder of that name, if it has one (removing a missing one throws).</summary>
    public static async Task UnregisterReminderIfAnyAsync(this Grain grain, string name)
    {
        if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
