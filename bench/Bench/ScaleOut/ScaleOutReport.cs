using System.Globalization;
using ChatbotOrleans.Bench.Report;

namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>Section 9's rows: throughput against linear, latency, balance, and who was busy at each size.</summary>
public static class ScaleOutReport
{
    public const string Section = "9 Scale-out";

    public static void Add(ResultTable table, IReadOnlyList<ScaleStepResult> results, double coresPerSilo)
    {
        var one = results[0];
        foreach (var r in results)
        {
            var quota = $"{r.Silos} silo{(r.Silos == 1 ? "" : "s")} × {coresPerSilo:0.##} core";
            var isTarget = r.Silos > 1;
            var messagesRatio = r.MessagesPerSecond / (r.Silos * one.MessagesPerSecond);
            var turnsRatio = r.TurnsPerSecond / (r.Silos * one.TurnsPerSecond);
            table.Add(new ResultRow(Section, $"user messages/s, {quota}, {r.Conversations} conversations (each with its short reply)",
                ResultTable.PerSecond(r.MessagesPerSecond), $"{r.Silos} × 1 silo's {ResultTable.PerSecond(one.MessagesPerSecond)}", messagesRatio,
                isTarget ? "≥ 0.8 × linear" : "", isTarget ? messagesRatio >= 0.8 : null));
            table.Add(new ResultRow(Section, $"full turns/s, {quota}",
                ResultTable.PerSecond(r.TurnsPerSecond), $"{r.Silos} × 1 silo's {ResultTable.PerSecond(one.TurnsPerSecond)}", turnsRatio,
                isTarget ? "≥ 0.8 × linear" : "", isTarget ? turnsRatio >= 0.8 : null));
            table.Add(new ResultRow(Section, $"send → MessageAdded p50 / p99 at that load, {quota}",
                $"{ResultTable.Ms(r.AddedP50)} / {ResultTable.Ms(r.AddedP99)}"));
            if (r.Silos > 1)
            {
                table.Add(Balance($"conversations per silo, {quota}", r.ConversationsPerSilo, r.Silos));
                table.Add(Balance($"stream queues per silo, {quota}", r.QueuesPerSilo, r.Silos));
            }

            table.Add(new ResultRow(Section, $"who was busy, {quota}: silos' CPU against their quota (throttled periods; an idle silo's own use); PostgreSQL; the load generator; the machine's load average",
                string.Create(CultureInfo.InvariantCulture,
                    $"{r.SiloQuotaUsed:P0} ({r.ThrottledShare:P0}; idle {r.IdleSiloCores / coresPerSilo:P0}); {r.PostgresCores:0.00} cores, {r.CommitsPerSecond:0} commits/s; {r.BenchCores:0.00} cores; {r.LoadAverage}")));
        }
    }

    /// <summary>Balanced when no silo is more than 20 % off the mean (a silo missing from the counts has 0).</summary>
    private static ResultRow Balance(string measure, int[] counts, int silos)
    {
        var all = counts.Concat(Enumerable.Repeat(0, Math.Max(0, silos - counts.Length))).ToArray();
        var mean = all.Average();
        var worst = mean == 0 ? double.NaN : all.Max(c => Math.Abs(c - mean)) / mean;
        return new ResultRow(Section, measure, string.Join(" / ", all), $"mean {mean:0.#}", worst, "≤ 0.20 off the mean", worst <= 0.2);
    }
}
