using ChatbotOrleans.Bench.Chats;
using ChatbotOrleans.Bench.Report;

namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>What the rolling restart and the killed silo share: the load's pace and the delivery rows.</summary>
public static class FaultRuns
{
    /// <summary>Conversations in the fault runs, each with a stream subscriber (issue 24).</summary>
    public const int Conversations = 64;

    /// <summary>A user's pause between a reply and the next message: the load stays well below what the silos carry.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    /// <summary>Load before the first fault and between faults, so each starts from a steady cluster.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    /// <summary>Starts the conversations sending and returns once they have run for <see cref="Settle"/>.</summary>
    public static async Task<FaultLoad> StartLoadAsync(BenchContext context, IReadOnlyList<ChatProbe> chats)
    {
        var load = new FaultLoad(chats, context.Sizes.MessageCharacters, Pause) { OutputMark = context.Stack.Topology.Output.Count };
        load.Start();
        await Task.Delay(Settle, context.CancellationToken);
        return load;
    }

    /// <summary>Reads the log until what the faults left owed is answered, logs both readings, and adds the delivery rows.</summary>
    public static async Task<DeliveryCheck> CheckDeliveryAsync(BenchContext context, string what, FaultLoad load, ModelAsks asks)
    {
        var (atStop, check, waited) = await DeliveryCheck.SettleAsync(context.Stack.ConnectionString, load.Accepted, asks.ByMessage, context.CancellationToken);
        context.Log($"{what}: when the load stopped, {atStop}; {waited.TotalSeconds:0.0} s later, {check}");
        if (check.Unfinished.Count > 0)
        {
            LogReplyFailures(context, load.OutputMark);
        }

        var table = context.Table;
        table.Add(new ResultRow(ScaleOutReport.Section, $"{what}: user messages lost / stored twice / answered twice",
            $"{check.Lost} / {check.Doubled} / {check.RepliesDoubled}", $"{check.Sent:N0} sent", null, "0 / 0 / 0",
            check is { Lost: 0, Doubled: 0, RepliesDoubled: 0 }));
        var unfinished = check.Unfinished.Count == 0 ? "" : $"; without a complete reply: {string.Join(", ", check.Unfinished)}";
        table.Add(new ResultRow(ScaleOutReport.Section, $"{what}: replies finished",
            ResultTable.Number(check.FinishedShare * 100, "0.00") + " %",
            $"{check.Finished:N0} of {check.Sent:N0} ({atStop.Finished:N0} when the load stopped, read again for {waited.TotalSeconds:0} s){unfinished}",
            null, "100 %", check.Finished == check.Sent));
        table.Add(new ResultRow(ScaleOutReport.Section, $"{what}: user messages the model was asked about more than once",
            check.AskedMoreThanOnce.ToString(System.Globalization.CultureInfo.InvariantCulture), $"at most {check.MostAsks} times"));
        return check;
    }

    // Why: the silos' own words (and the exception after them) about this run's first replies that failed or were not stored.
    private static void LogReplyFailures(BenchContext context, int outputMark)
    {
        var lines = context.Stack.Topology.Output.Skip(outputMark).ToArray();
        var shown = 0;
        for (var i = 0; i < lines.Length && shown < 3; i++)
        {
            if (!lines[i].Contains("The reply in conversation", StringComparison.Ordinal))
            {
                continue;
            }

            shown++;
            var process = lines[i][..(lines[i].IndexOf(']', StringComparison.Ordinal) + 1)];
            foreach (var line in lines.Skip(i).Where(l => l.StartsWith(process, StringComparison.Ordinal)).Take(30))
            {
                context.Log(line);
            }
        }
    }
}
