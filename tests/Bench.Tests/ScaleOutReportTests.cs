using ChatbotOrleans.Bench.Report;
using ChatbotOrleans.Bench.ScaleOut;
using Shouldly;

namespace ChatbotOrleans.Bench.Tests;

public sealed class ScaleOutReportTests
{
    [Fact]
    public void Throughput_is_judged_against_the_one_silo_figure_times_the_silos()
    {
        var rows = Rows(Result(1, 100, [24], [4]), Result(4, 320, [24, 24, 24, 24], [1, 1, 1, 1]));

        var fourSilos = rows.Single(r => r.Measure.StartsWith("user messages/s, 4 silos", StringComparison.Ordinal));
        fourSilos.Ratio!.Value.ShouldBe(0.8, tolerance: 1e-9);
        fourSilos.Passed.ShouldBe(true);
        rows.Single(r => r.Measure.StartsWith("user messages/s, 1 silo", StringComparison.Ordinal)).Passed.ShouldBeNull();
    }

    [Fact]
    public void Silos_are_balanced_when_none_is_more_than_a_fifth_off_the_mean()
    {
        var rows = Rows(Result(1, 100, [24], [4]), Result(4, 400, [20, 24, 28, 24], [2, 2, 0, 0]));

        var conversations = rows.Single(r => r.Measure.StartsWith("conversations per silo, 4", StringComparison.Ordinal));
        conversations.Value.ShouldBe("20 / 24 / 28 / 24");
        conversations.Passed.ShouldBe(true);
        var queues = rows.Single(r => r.Measure.StartsWith("stream queues per silo, 4", StringComparison.Ordinal));
        queues.Ratio!.Value.ShouldBe(1.0, tolerance: 1e-9);
        queues.Passed.ShouldBe(false);
    }

    private static List<ResultRow> Rows(params ScaleStepResult[] results)
    {
        var table = new ResultTable();
        ScaleOutReport.Add(table, results, coresPerSilo: 0.25);
        return [.. table.Rows];
    }

    private static ScaleStepResult Result(int silos, double messages, int[] conversations, int[] queues) =>
        new(silos, conversations.Sum(), messages, messages / 2, 10, 50, conversations, queues, 1, 0.9, 100, 0.1, 0.2, 0.05, "1 1 1");
}
