using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace ChatbotOrleans.Deployment.Tests;

/// <summary>A YAML file as plain maps, lists and strings, with merge keys (<c>&lt;&lt;: *anchor</c>) applied.</summary>
internal static class YamlDocument
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    public static IDictionary<object, object?> Load(string relativePath)
    {
        using var reader = new StringReader(RepositoryFiles.Read(relativePath));
        var document = Deserializer.Deserialize<object?>(new MergingParser(new Parser(reader)));
        return document as IDictionary<object, object?>
            ?? throw new InvalidDataException($"{relativePath} is not a YAML mapping.");
    }

    public static IDictionary<object, object?> Map(this IDictionary<object, object?> node, string key) =>
        node.TryGetValue(key, out var value) && value is IDictionary<object, object?> map
            ? map
            : throw new KeyNotFoundException($"no mapping \"{key}\" among: {string.Join(", ", node.Keys)}");

    public static IDictionary<object, object?>? MapOrNull(this IDictionary<object, object?> node, string key) =>
        node.TryGetValue(key, out var value) ? value as IDictionary<object, object?> : null;

    public static IReadOnlyList<object?> List(this IDictionary<object, object?> node, string key) =>
        node.TryGetValue(key, out var value) && value is IList<object?> list
            ? [.. list]
            : [];

    public static IReadOnlyList<string> Strings(this IDictionary<object, object?> node, string key) =>
        [.. node.List(key).Select(item => item?.ToString() ?? "")];

    public static string? Text(this IDictionary<object, object?> node, string key) =>
        node.TryGetValue(key, out var value) ? value?.ToString() : null;

    /// <summary>A service's environment, written either as a mapping or as a list of NAME=value.</summary>
    public static IReadOnlyDictionary<string, string> Environment(this IDictionary<object, object?> service)
    {
        if (service.MapOrNull("environment") is { } map)
        {
            return map.ToDictionary(pair => pair.Key.ToString()!, pair => pair.Value?.ToString() ?? "");
        }

        return service.Strings("environment")
            .Select(entry => entry.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "");
    }
}
