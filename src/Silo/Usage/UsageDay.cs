namespace ChatbotOrleans.Silo.Usage;

/// <summary>A UTC day as the time range the usage table is queried with.</summary>
internal static class UsageDay
{
    public static (DateTimeOffset Since, DateTimeOffset Until) Range(DateOnly day)
    {
        var since = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return (since, since.AddDays(1));
    }
}
