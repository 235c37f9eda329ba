using Shouldly;

namespace ChatbotOrleans.Architecture.Tests;

/// <summary>
/// Guards the layer direction in the project files, which also catches a package referenced but not
/// yet used in code (the compiler drops unused references from the assembly).
/// </summary>
public sealed class ProjectFileReferenceTests
{
    private static readonly string[] ForbiddenPackagesInGrains =
        ["Npgsql", "OpenAI", "MailKit", "MimeKit", "System.CommandLine", "Microsoft.AspNetCore"];

    [Fact]
    public void Grains_abstractions_project_names_only_the_orleans_sdk_package_and_no_project()
    {
        var project = ProjectFiles.PathOf("Grains.Abstractions");

        ProjectFiles.Items(project, "PackageReference").ShouldBe(["Microsoft.Orleans.Sdk"]);
        ProjectFiles.Items(project, "ProjectReference").ShouldBeEmpty();
        ProjectFiles.Items(project, "FrameworkReference").ShouldBeEmpty();
        ProjectFiles.Sdk(project).ShouldBe("Microsoft.NET.Sdk");
    }

    [Fact]
    public void Grains_and_the_projects_it_references_name_no_infrastructure_or_web_package()
    {
        var packages = ProjectFiles.PackageClosure(ProjectFiles.PathOf("Grains"));

        packages.ShouldContain("Microsoft.Orleans.Sdk");
        packages.Where(p => ForbiddenPackagesInGrains.Any(f => OurAssemblies.IsOrUnder(p, f))).ShouldBeEmpty();
    }

    [Fact]
    public void Grains_and_the_projects_it_references_are_plain_libraries_without_the_aspnetcore_framework()
    {
        foreach (var project in ProjectFiles.ProjectClosure(ProjectFiles.PathOf("Grains")))
        {
            ProjectFiles.Sdk(project).ShouldBe("Microsoft.NET.Sdk", project);
            ProjectFiles.Items(project, "FrameworkReference").ShouldBeEmpty(project);
        }
    }

    [Fact]
    public void Grains_references_only_the_abstractions_project()
    {
        ProjectFiles.ProjectClosure(ProjectFiles.PathOf("Grains")).Select(ProjectFiles.ProjectName)
            .ShouldBe(["Grains", "Grains.Abstractions"], ignoreOrder: true);
    }

    [Fact]
    public void Frontend_references_neither_grains_nor_silo_project_directly_or_transitively()
    {
        var projects = ProjectFiles.ProjectClosure(ProjectFiles.PathOf("Frontend")).Select(ProjectFiles.ProjectName).ToList();

        projects.ShouldContain("Grains.Abstractions");
        projects.ShouldNotContain("Grains");
        projects.ShouldNotContain("Silo");
    }

    [Fact]
    public void The_project_walk_follows_references_transitively_and_sees_the_silos_packages()
    {
        // Proves the checks above can fail: Silo names Grains only, and Grains names the abstractions.
        var silo = ProjectFiles.PathOf("Silo");

        ProjectFiles.Items(silo, "ProjectReference").ShouldNotContain(p => p.Contains("Abstractions", StringComparison.Ordinal));
        ProjectFiles.ProjectClosure(silo).Select(ProjectFiles.ProjectName).ShouldContain("Grains.Abstractions");
        ProjectFiles.PackageClosure(silo).ShouldContain("Npgsql");
        ProjectFiles.PackageClosure(silo).ShouldContain("Microsoft.Orleans.Sdk");
    }
}
