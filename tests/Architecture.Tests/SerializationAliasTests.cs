using System.Reflection;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Architecture.Tests;

/// <summary>
/// Every serialized type and grain interface carries an [Alias], so that renaming or moving a type
/// never breaks stored state or calls between silos and clients of different versions.
/// </summary>
public sealed class SerializationAliasTests
{
    [Theory]
    [InlineData(OurAssemblies.Abstractions)]
    [InlineData(OurAssemblies.Grains)]
    public void Every_type_marked_generate_serializer_has_an_alias(string assembly)
    {
        var serialized = OurAssemblies.Load(assembly).GetTypes()
            .Where(t => t.IsDefined(typeof(GenerateSerializerAttribute), inherit: false)).ToList();

        serialized.ShouldNotBeEmpty();
        serialized.Where(t => AliasOf(t) is null).Select(t => t.FullName).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(OurAssemblies.Abstractions)]
    [InlineData(OurAssemblies.Grains)]
    public void Every_grain_interface_has_an_alias(string assembly)
    {
        var grainInterfaces = GrainInterfaces(OurAssemblies.Load(assembly));

        grainInterfaces.ShouldNotBeEmpty();
        grainInterfaces.Where(t => AliasOf(t) is null).Select(t => t.FullName).ShouldBeEmpty();
    }

    [Fact]
    public void The_checks_see_the_known_contract_types_and_grain_interfaces()
    {
        // Proves the checks above can fail: they look at the types that matter.
        var abstractions = OurAssemblies.Load(OurAssemblies.Abstractions);
        var grains = OurAssemblies.Load(OurAssemblies.Grains);

        abstractions.GetTypes().Where(t => t.IsDefined(typeof(GenerateSerializerAttribute), false))
            .ShouldContain(typeof(ChatMessage));
        grains.GetTypes().Where(t => t.IsDefined(typeof(GenerateSerializerAttribute), false))
            .ShouldContain(typeof(ConversationState));
        GrainInterfaces(abstractions).ShouldContain(typeof(IConversationGrain));
        GrainInterfaces(grains).ShouldContain(typeof(ISendRateGrain));
        AliasOf(typeof(ChatMessage)).ShouldBe("ChatMessage");
    }

    [Fact]
    public void No_two_types_or_grain_interfaces_share_an_alias()
    {
        var aliased = new[] { OurAssemblies.Abstractions, OurAssemblies.Grains }
            .SelectMany(a => OurAssemblies.Load(a).GetTypes())
            .Select(t => (Type: t, Alias: AliasOf(t)))
            .Where(x => x.Alias is not null)
            .ToList();

        aliased.Count.ShouldBeGreaterThan(10);
        aliased.GroupBy(x => x.Alias).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Type.FullName))}")
            .ShouldBeEmpty();
    }

    private static List<Type> GrainInterfaces(Assembly assembly) =>
        [.. assembly.GetTypes().Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t))];

    private static string? AliasOf(Type type) => type.GetCustomAttribute<AliasAttribute>(inherit: false)?.Alias;
}
