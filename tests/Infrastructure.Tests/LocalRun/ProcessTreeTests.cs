using System.Diagnostics;
using ChatbotOrleans.DevHost;
using ChatbotOrleans.TestSupport;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.LocalRun;

public sealed class ProcessTreeTests
{
    [Fact]
    public async Task The_tree_below_a_shell_holds_its_children_and_grandchildren_and_its_tips_are_the_leaves()
    {
        // sh → (sh → sleep) and sleep: two levels below the root, like dotnet watch → dotnet run → app.
        using var shell = Process.Start(new ProcessStartInfo("sh", ["-c", "sh -c 'sleep 300; :' & sleep 300; wait"]))!;
        try
        {
            var leaves = await Poll.UntilAsync(
                () => Task.FromResult(ProcessTree.Leaves(shell.Id)), found => found.Count(IsSleep) == 2, TimeSpan.FromSeconds(10), "two sleeps at the tips");
            var tree = ProcessTree.Descendants(shell.Id);

            leaves.ShouldAllBe(pid => IsSleep(pid), $"tree {string.Join(", ", tree)}");
            leaves.ShouldAllBe(pid => tree.Contains(pid));
            tree.Count.ShouldBeGreaterThanOrEqualTo(3, "the inner shell and both sleeps");
            tree.ShouldAllBe(pid => ProcessTree.IsAlive(pid));
        }
        finally
        {
            shell.Kill(entireProcessTree: true);
            await shell.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public void A_process_without_children_is_its_own_only_leaf_and_an_ended_one_is_not_alive()
    {
        using var sleeper = Process.Start(new ProcessStartInfo("sleep", ["300"]))!;
        ProcessTree.Leaves(sleeper.Id).ShouldBe([sleeper.Id]);
        ProcessTree.Descendants(sleeper.Id).ShouldBeEmpty();

        sleeper.Kill();
        sleeper.WaitForExit();

        ProcessTree.IsAlive(sleeper.Id).ShouldBeFalse();
    }

    private static bool IsSleep(int pid) => File.Exists($"/proc/{pid}/comm") && File.ReadAllText($"/proc/{pid}/comm").Trim() == "sleep";
}
