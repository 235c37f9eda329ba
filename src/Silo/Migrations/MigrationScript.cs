using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace ChatbotOrleans.Silo.Migrations;

/// <summary>One versioned SQL script embedded in the silo assembly as <c>Migrations.&lt;version&gt;_&lt;name&gt;.sql</c>.</summary>
internal sealed record MigrationScript(string Version, string Name, string Sql, string Checksum)
{
    private const string ResourcePrefix = "Migrations.";
    private const string ResourceSuffix = ".sql";

    /// <summary>The version as a number, which is what orders the scripts.</summary>
    public decimal Number => decimal.Parse(Version, NumberStyles.None, CultureInfo.InvariantCulture);

    public static MigrationScript Create(string fileName, string sql)
    {
        var stem = fileName.EndsWith(ResourceSuffix, StringComparison.Ordinal) ? fileName[..^ResourceSuffix.Length] : fileName;
        var separator = stem.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !stem[..separator].All(char.IsAsciiDigit))
        {
            throw new InvalidOperationException(
                $"Migration '{fileName}' must be named <digits>_<name>.sql, e.g. 0006_add_index.sql.");
        }

        // Line endings are normalised so that a checkout with autocrlf does not look like an edited script.
        var normalized = sql.ReplaceLineEndings("\n");
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
        return new MigrationScript(stem[..separator], stem[(separator + 1)..], normalized, checksum);
    }

    public static IReadOnlyList<MigrationScript> LoadEmbedded(Assembly assembly)
    {
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                || !resource.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded migration '{resource}' cannot be opened.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            scripts.Add(Create(resource[ResourcePrefix.Length..], reader.ReadToEnd()));
        }

        // Numeric order, so that 0010 follows 0009 whatever the padding.
        var ordered = scripts.OrderBy(s => s.Number).ToList();
        var duplicate = ordered.GroupBy(s => s.Number).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"Two migrations share version {duplicate.First().Version}: {string.Join(", ", duplicate.Select(s => s.Name))}."));
        }

        return ordered;
    }
}
