using ChatbotOrleans.Silo.Placement;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.Placement;

public sealed class RoundRobinTests
{
    [Fact]
    public void Takes_the_candidates_in_turn_whatever_order_they_come_in()
    {
        var turns = new RoundRobin<int>(Comparer<int>.Default, start: 0);

        int[] picks = [turns.Pick([3, 1, 2]), turns.Pick([2, 3, 1]), turns.Pick([1, 2, 3]), turns.Pick([3, 2, 1])];

        picks.ShouldBe([2, 3, 1, 2]);
    }

    [Fact]
    public void Several_placing_silos_at_once_leave_each_candidate_within_one_placement_per_placer_of_the_mean()
    {
        int[] silos = [0, 1, 2, 3];
        var placers = Enumerable.Range(0, 4).Select(i => new RoundRobin<int>(Comparer<int>.Default, start: i * 7919)).ToArray();
        var counts = new int[silos.Length];
        var random = new Random(24);

        // 96 new conversations arriving at whichever silo the client's gateway happens to be.
        for (var i = 0; i < 96; i++)
        {
            counts[placers[random.Next(placers.Length)].Pick(silos)]++;
        }

        counts.Sum().ShouldBe(96);
        counts.ShouldAllBe(c => Math.Abs(c - 24) <= placers.Length);
    }

    [Fact]
    public void One_silo_gets_everything()
    {
        var turns = new RoundRobin<string>(StringComparer.Ordinal, start: 5);

        Enumerable.Range(0, 3).Select(_ => turns.Pick(["only"])).ShouldAllBe(s => s == "only");
    }

    [Fact]
    public void Goes_on_after_the_counter_wraps()
    {
        var turns = new RoundRobin<int>(Comparer<int>.Default, start: int.MaxValue - 1);

        int[] picks = [.. Enumerable.Range(0, 4).Select(_ => turns.Pick([0, 1, 2]))];

        picks.Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void Refuses_an_empty_list() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new RoundRobin<int>(Comparer<int>.Default, 0).Pick([]));
}
