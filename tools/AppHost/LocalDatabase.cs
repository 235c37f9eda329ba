using ChatbotOrleans.LocalRun;

namespace ChatbotOrleans.AppHost;

/// <summary>
/// The database of a local run: the server named by <c>ConnectionStrings__Orleans</c>, or a PostgreSQL of our own
/// on <c>.data/postgres</c> (reused when it is already running). It lives outside Aspire's resources so that it
/// is stopped after every app has stopped: Aspire stops its resources all at once.
/// </summary>
public sealed class LocalDatabase : IAsyncDisposable
{
    private const string ConnectionVariable = "ConnectionStrings__Orleans";
    private const string DatabaseName = "chatbot";

    private readonly LocalPostgres? _server;

    private LocalDatabase(string connectionString, LocalPostgres? server)
    {
        ConnectionString = connectionString;
        _server = server;
    }

    public string ConnectionString { get; }

    public static async Task<LocalDatabase> StartAsync(RepositoryLayout layout, Action<string> log, CancellationToken cancellationToken)
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            log($"Using the PostgreSQL named by {ConnectionVariable}");
            return new LocalDatabase(configured, server: null);
        }

        var dataDirectory = Path.Combine(layout.DataDirectory, "postgres");
        log($"No {ConnectionVariable} set: using a local PostgreSQL with its data in {dataDirectory}");
        var server = await LocalPostgres.StartAsync(dataDirectory, FreePort.Prefer(55432), log, cancellationToken);
        try
        {
            await server.CreateDatabaseAsync(DatabaseName, cancellationToken);
            return new LocalDatabase(server.ConnectionString(DatabaseName), server);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
