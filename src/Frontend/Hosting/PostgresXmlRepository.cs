using System.Data.Common;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Frontend.Hosting;

/// <summary>
/// Keeps the data-protection key ring in PostgreSQL (table <c>data_protection_keys</c>, created by the
/// migrations) so every frontend replica decrypts the cookies of the others. The driver is found by its
/// invariant name, as Orleans' clustering finds it, so the web tier compiles against no database driver.
/// </summary>
internal sealed class PostgresXmlRepository(IOptions<OrleansClientOptions> options) : IXmlRepository, IDisposable
{
    public const string Invariant = "Npgsql";

    private readonly Lazy<DbDataSource> _dataSource = new(() => Factory().CreateDataSource(options.Value.ConnectionString));

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = _dataSource.Value.CreateCommand("SELECT xml FROM data_protection_keys ORDER BY id");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        // Keys are immutable once written; a replica racing to store the same key keeps the first.
        using var command = _dataSource.Value.CreateCommand(
            "INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES ($1, $2, now()) "
            + "ON CONFLICT (friendly_name) DO NOTHING");
        command.Parameters.Add(Parameter(command, friendlyName));
        command.Parameters.Add(Parameter(command, element.ToString(SaveOptions.DisableFormatting)));
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (_dataSource.IsValueCreated)
        {
            _dataSource.Value.Dispose();
        }
    }

    private static DbProviderFactory Factory()
    {
        if (!DbProviderFactories.TryGetFactory(Invariant, out var factory))
        {
            DbProviderFactories.RegisterFactory(Invariant, "Npgsql.NpgsqlFactory, Npgsql");
            factory = DbProviderFactories.GetFactory(Invariant);
        }

        return factory;
    }

    private static DbParameter Parameter(DbCommand command, string value)
    {
        var parameter = command.CreateParameter();
        parameter.Value = value;
        return parameter;
    }
}
