using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Search;

namespace ChatbotOrleans.Silo.Conversations;

public static class MessageLogServiceCollectionExtensions
{
    /// <summary>The conversations' message log and its search on the same PostgreSQL database as Orleans' own tables.</summary>
    public static IServiceCollection AddMessageLog(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<IMessageLog>(_ => new PostgresMessageLog(connectionString));
        services.AddSingleton<IMessageSearch>(_ => new PostgresMessageSearch(connectionString));
        return services;
    }
}
