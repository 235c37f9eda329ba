using System.Net.Sockets;
using ChatbotOrleans.ServiceDefaults;
using Npgsql;

namespace ChatbotOrleans.Silo.Hosting;

/// <summary>
/// Checks at start that <c>ConnectionStrings:Orleans</c> reaches a database the silo can use, so a wrong
/// host, port, password or database name stops the process with one sentence instead of a membership
/// failure and pages of stack trace from inside Orleans.
/// </summary>
internal static class DatabaseReadiness
{
    /// <summary>Opens one connection; with <paramref name="requireSchema"/>, also checks that the migrations ran.</summary>
    /// <exception cref="ConfigurationException">The database cannot be used; the message says what to fix.</exception>
    public static async Task CheckAsync(string connectionString, bool requireSchema, CancellationToken cancellationToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var where = $"{settings.Host}:{settings.Port}, database \"{settings.Database ?? settings.Username}\"";
        bool migrated;
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT to_regclass('orleansquery') IS NOT NULL", connection);
            migrated = (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw new ConfigurationException(
                $"Cannot use the PostgreSQL server in ConnectionStrings:Orleans ({where}): {Reason(exception)}. "
                + "Check Host, Port, Database, Username and Password, and that the server is running.",
                exception);
        }

        if (requireSchema && !migrated)
        {
            throw new ConfigurationException(
                $"The database in ConnectionStrings:Orleans ({where}) has no Orleans tables. Apply the migrations first: ChatbotOrleans.Silo migrate.");
        }
    }

    private static string Reason(Exception exception)
    {
        var reason = exception switch
        {
            PostgresException postgres => postgres.MessageText,
            _ when Innermost(exception) is SocketException socket => socket.Message,
            _ when Innermost(exception) is TimeoutException => "no answer before the connection timeout",
            _ => Innermost(exception).Message,
        };
        return reason.TrimEnd('.');
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }
}
