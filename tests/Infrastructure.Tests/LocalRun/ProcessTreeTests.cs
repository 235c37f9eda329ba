using System.Diagnostics;
using ChatbotOrleans.LocalRun;
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

    [Fact]
    public async Task Stopping_a_tree_ends_its_tips_with_sigterm_and_then_the_rest()
    {
        // The outer shell ignores SIGTERM, as dotnet watch does not pass it on; the sleep at the tip answers it.
        using var shell = Process.Start(new ProcessStartInfo("sh", ["-c", "sleep 300 & trap '' TERM; wait; sleep 300"]))!;
        var sleep = await Poll.UntilAsync(
            () => Task.FromResult(ProcessTree.Leaves(shell.Id)), found => found.Count(IsSleep) == 1, TimeSpan.FromSeconds(10), "the sleep at the tip");

        await ProcessTree.StopTreeAsync(shell.Id, TimeSpan.FromSeconds(5));
        await shell.WaitForExitAsync(TestContext.Current.CancellationToken);

        sleep.ShouldAllBe(pid => !ProcessTree.IsAlive(pid));
        ProcessTree.Descendants(shell.Id).ShouldBeEmpty();
    }

    [Fact]
    public async Task Processes_are_found_by_arguments_in_a_row_and_interrupted_until_they_end()
    {
        // sleep adds up its arguments, so a unique tiny one marks this test's process. SIGINT at its default: a
        // suite started in the background inherits it ignored.
        var marker = "0.000" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var sleeper = Process.Start(new ProcessStartInfo("env", ["--default-signal=INT", "sleep", "300", marker]))!;
        var found = await Poll.UntilAsync(
            () => Task.FromResult(ProcessTree.WithArguments("300", marker)), pids => pids.Count == 1, TimeSpan.FromSeconds(10), "the sleep");

        ProcessTree.WithArguments(marker, "300").ShouldBeEmpty("the order counts");
        var killed = await ProcessTree.InterruptAsync(found, found, TimeSpan.FromSeconds(5));
        await sleeper.WaitForExitAsync(TestContext.Current.CancellationToken);

        found.ShouldBe([sleeper.Id]);
        killed.ShouldBeEmpty("sleep ends on SIGINT by itself");
    }

    private static bool IsSleep(int pid) => File.Exists($"/proc/{pid}/comm") && File.ReadAllText($"/proc/{pid}/comm").Trim() == "sleep";
}
