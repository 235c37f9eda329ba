using Shouldly;

namespace ChatbotOrleans.Architecture.Tests;

/// <summary>Guards the layer direction in what the compiled assemblies actually reference.</summary>
public sealed class AssemblyReferenceTests
{
    public static TheoryData<string> ForbiddenInGrains =>
    [
        "Npgsql",
        "OpenAI",
        "MailKit",
        "MimeKit",
        "System.CommandLine",
        "Microsoft.AspNetCore",
        OurAssemblies.Silo,
        OurAssemblies.Frontend,
    ];

    [Fact]
    public void Grains_abstractions_references_none_of_our_assemblies()
    {
        OurAssemblies.ReferenceClosure(OurAssemblies.Abstractions).Where(OurAssemblies.IsOurs).ShouldBeEmpty();
    }

    [Fact]
    public void Grains_abstractions_references_only_the_dotnet_runtime_and_orleans()
    {
        var others = OurAssemblies.ReferenceClosure(OurAssemblies.Abstractions)
            .Where(name => !IsRuntime(name) && !OurAssemblies.IsOrUnder(name, "Orleans") && !OurAssemblies.IsOrUnder(name, "Microsoft.Orleans"));

        others.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ForbiddenInGrains))]
    public void Grains_and_its_abstractions_never_reference_infrastructure_web_or_host_assemblies(string forbidden)
    {
        var closure = OurAssemblies.ReferenceClosure(OurAssemblies.Grains);

        closure.ShouldContain(OurAssemblies.Abstractions, "the walk must reach the abstractions too");
        closure.Where(name => OurAssemblies.IsOrUnder(name, forbidden)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(OurAssemblies.Grains)]
    [InlineData(OurAssemblies.Silo)]
    public void Frontend_never_references_grains_or_silo_directly_or_transitively(string forbidden)
    {
        var closure = OurAssemblies.ReferenceClosure(OurAssemblies.Frontend);

        closure.ShouldContain(OurAssemblies.Abstractions, "the frontend talks to grains through their interfaces");
        closure.ShouldNotContain(forbidden);
    }

    [Fact]
    public void Frontend_references_no_database_driver_directly_or_transitively()
    {
        // Failures come back from the cluster as outcomes, so the web tier needs to know no driver's exceptions.
        OurAssemblies.ReferenceClosure(OurAssemblies.Frontend).Where(name => OurAssemblies.IsOrUnder(name, "Npgsql")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(OurAssemblies.Silo, "Npgsql")]
    [InlineData(OurAssemblies.Silo, "OpenAI")]
    [InlineData(OurAssemblies.Silo, OurAssemblies.Grains)]
    [InlineData(OurAssemblies.Silo, OurAssemblies.Abstractions)]
    [InlineData(OurAssemblies.Frontend, "Microsoft.AspNetCore.Components")]
    public void The_reference_walk_finds_references_known_to_exist(string root, string known)
    {
        // Proves the checks above can fail: the same walk does see what the outer layers use.
        OurAssemblies.ReferenceClosure(root).ShouldContain(name => OurAssemblies.IsOrUnder(name, known));
    }

    private static bool IsRuntime(string name) =>
        name is "netstandard" or "mscorlib" || OurAssemblies.IsOrUnder(name, "System") || OurAssemblies.IsOrUnder(name, "Microsoft.Win32");
}
