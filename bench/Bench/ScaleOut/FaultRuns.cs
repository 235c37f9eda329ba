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
        var load = new FaultLoad(chats, context.Sizes.MessageCharacters, Pause);
        load.Start();
        await Task.Delay(Settle, context.CancellationToken);
        return load;
    }

    public static void AddDelivery(ResultTable table, string what, DeliveryCheck check)
    {
        table.Add(new ResultRow(ScaleOutReport.Section, $"{what}: user messages lost / stored twice / answered twice",
            $"{check.Lost} / {check.Doubled} / {check.RepliesDoubled}", $"{check.Sent:N0} sent", null, "0 / 0 / 0",
            check is { Lost: 0, Doubled: 0, RepliesDoubled: 0 }));
        table.Add(new ResultRow(ScaleOutReport.Section, $"{what}: replies finished",
            ResultTable.Number(check.FinishedShare * 100, "0.00") + " %", $"{check.Finished:N0} of {check.Sent:N0}", null, "100 %", check.Finished == check.Sent));
        table.Add(new ResultRow(ScaleOutReport.Section, $"{what}: user messages the model was asked about more than once",
            check.AskedMoreThanOnce.ToString(System.Globalization.CultureInfo.InvariantCulture), $"at most {check.MostAsks} times"));
    }
}
