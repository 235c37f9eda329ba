using ChatbotOrleans.ServiceDefaults;
using Npgsql;

namespace ChatbotOrleans.Silo.Hosting;

/// <summary>The PostgreSQL connection string shared by clustering, storage and reminders.</summary>
public static class DatabaseConnection
{
    public const string Name = "Orleans";

    /// <summary>
    /// Reads and checks <c>ConnectionStrings:Orleans</c>; the exception message says what to fix. Pooled
    /// connections are not reset on return: Npgsql's reset is a <c>DISCARD ALL</c> sent with the next
    /// command, a transaction of its own, which doubled the commits of every grain-state write. The Orleans
    /// providers leave no session state behind (no temporary tables, settings or prepared statements).
    /// </summary>
    public static string Read(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString(Name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ConfigurationException(
                "ConnectionStrings:Orleans is not set. Set the environment variable ConnectionStrings__Orleans to a PostgreSQL connection string, e.g. \"Host=localhost;Port=5432;Database=chatbot;Username=chatbot;Password=…\".");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(value);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                throw new ConfigurationException("ConnectionStrings:Orleans has no Host; add Host=<server name> to it.");
            }

            builder.NoResetOnClose = true;
            return builder.ConnectionString;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException)
        {
            throw new ConfigurationException($"ConnectionStrings:Orleans is not a valid PostgreSQL connection string: {exception.Message}", exception);
        }
    }
}
