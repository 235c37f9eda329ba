using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Search;
using ChatbotOrleans.Grains.Usage;
using ChatbotOrleans.Silo.Usage;

namespace ChatbotOrleans.Silo.Conversations;

public static class MessageLogServiceCollectionExtensions
{
    /// <summary>
    /// The conversations' message log, its search and the usage of replies, on the same PostgreSQL database as
    /// Orleans' own tables.
    /// </summary>
    public static IServiceCollection AddMessageLog(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<IMessageLog>(_ => new PostgresMessageLog(connectionString));
        services.AddSingleton<IMessageSearch>(_ => new PostgresMessageSearch(connectionString));
        services.AddSingleton<IUsageLog>(_ => new PostgresUsageLog(connectionString));
        return services;
    }
}
