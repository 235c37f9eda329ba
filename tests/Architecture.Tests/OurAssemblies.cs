using System.Reflection;

namespace ChatbotOrleans.Architecture.Tests;

/// <summary>Our built assemblies and what they reference, following references through our own assemblies only.</summary>
internal static class OurAssemblies
{
    public const string Prefix = "ChatbotOrleans.";

    public const string Abstractions = "ChatbotOrleans.Grains.Abstractions";
    public const string Grains = "ChatbotOrleans.Grains";
    public const string Silo = "ChatbotOrleans.Silo";
    public const string Frontend = "ChatbotOrleans.Frontend";

    public static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    public static bool IsOurs(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>
    /// The names of every assembly <paramref name="root"/> references directly, or through any of our own
    /// assemblies it references; third-party assemblies are listed but not followed.
    /// </summary>
    public static IReadOnlySet<string> ReferenceClosure(string root)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal) { root };
        var pending = new Queue<string>([root]);
        while (pending.TryDequeue(out var name))
        {
            foreach (var reference in Load(name).GetReferencedAssemblies())
            {
                var referenced = reference.Name!;
                found.Add(referenced);
                if (IsOurs(referenced) && visited.Add(referenced))
                {
                    pending.Enqueue(referenced);
                }
            }
        }

        return found;
    }

    public static bool IsOrUnder(string assemblyOrPackage, string forbidden) =>
        string.Equals(assemblyOrPackage, forbidden, StringComparison.OrdinalIgnoreCase)
        || assemblyOrPackage.StartsWith(forbidden + ".", StringComparison.OrdinalIgnoreCase);
}
