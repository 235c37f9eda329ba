using System.Reflection;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Users;
using Shouldly;

namespace ChatbotOrleans.Architecture.Tests;

/// <summary>
/// ADO.NET grain storage keys a row by state name and grain key, not by grain type: two grains that
/// shared a state name (and a key) would read and overwrite each other's state.
/// </summary>
public sealed class PersistentStateNameTests
{
    private static readonly string[] AssembliesWithGrains = [OurAssemblies.Grains, OurAssemblies.Silo, OurAssemblies.Frontend];

    [Fact]
    public void Every_persistent_state_has_a_name_no_other_grain_uses()
    {
        var states = PersistentStates();

        states.GroupBy(s => s.StateName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"\"{g.Key}\": {string.Join(", ", g.Select(s => s.Grain.Name))}")
            .ShouldBeEmpty();
    }

    [Fact]
    public void Every_persistent_state_names_its_state_and_its_storage()
    {
        PersistentStates()
            .Where(s => string.IsNullOrWhiteSpace(s.StateName) || string.IsNullOrWhiteSpace(s.StorageName))
            .Select(s => s.Grain.Name)
            .ShouldBeEmpty();
    }

    [Fact]
    public void The_check_finds_the_persistent_state_of_the_known_grains()
    {
        // Proves the check above can fail: it reads the state names the grains really declare.
        var grains = PersistentStates().Select(s => s.Grain).ToList();

        grains.ShouldContain(typeof(ConversationGrain));
        grains.ShouldContain(typeof(UserGrain));
        grains.ShouldContain(typeof(AccountGrain));
    }

    private static List<(Type Grain, string StateName, string? StorageName)> PersistentStates() =>
        [.. AssembliesWithGrains
            .SelectMany(a => OurAssemblies.Load(a).GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .SelectMany(c => c.GetParameters())
                .Select(p => p.GetCustomAttribute<PersistentStateAttribute>())
                .OfType<PersistentStateAttribute>()
                .Select(a => (Grain: t, a.StateName, a.StorageName))
                .Distinct())];
}
