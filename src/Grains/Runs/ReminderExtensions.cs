namespace Tributary.Runs;

/// <summary>Reminder helpers the run grains share.</summary>
internal static class ReminderExtensions
{
    /// <summary>Unregisters a grain's reminder if it has one of that name.</summary>
    public static async Task UnregisterReminderIfPresentAsync(this Grain grain, string name)
    {
        var reminder = await grain.GetReminder(name);
        if (reminder is not null)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
