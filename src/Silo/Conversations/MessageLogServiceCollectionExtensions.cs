using ChatbotOrleans.Grains.Conversations;

namespace ChatbotOrleans.Silo.Conversations;

public static class MessageLogServiceCollectionExtensions
{
    /// <summary>The conversations' message log on the same PostgreSQL database as Orleans' own tables.</summary>
    public static IServiceCollection AddMessageLog(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<IMessageLog>(_ => new PostgresMessageLog(connectionString));
        return services;
    }
}
