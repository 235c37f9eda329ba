using System.Globalization;
using System.Text;

namespace ChatbotOrleans.Bench.Report;

/// <summary>The bench's findings, in the order measured, printed as one Markdown table.</summary>
public sealed class ResultTable
{
    /// <summary>The sections every complete run has, as they start the Section column.</summary>
    public static readonly string[] Sections =
        ["1 Ceiling", "2 Throughput", "3 Latency", "4 Growth", "5 Memory", "6 Full turns", "7 Database", "8 Archive"];

    private readonly List<ResultRow> _rows = [];

    public IReadOnlyList<ResultRow> Rows => _rows;

    public void Add(ResultRow row) => _rows.Add(row);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| Section | Measure | Value | Baseline (same run) | Ratio | Target | Result |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | --- | --- |");
        foreach (var row in _rows)
        {
            var ratio = row.Ratio is { } r ? r.ToString(r >= 100 ? "0" : "0.00", CultureInfo.InvariantCulture) : "";
            text.Append(CultureInfo.InvariantCulture, $"| {row.Section} | {row.Measure} | {row.Value} | {row.Baseline} | {ratio} | {row.Target} | {row.Result} |")
                .AppendLine();
        }

        var checkedRows = _rows.Where(r => r.Passed is not null).ToList();
        text.AppendLine()
            .Append(CultureInfo.InvariantCulture, $"Targets met: {checkedRows.Count(r => r.Passed == true)} of {checkedRows.Count}.")
            .AppendLine();
        return text.ToString();
    }

    public static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

    public static string PerSecond(double value) => value.ToString("0", CultureInfo.InvariantCulture) + " /s";

    public static string Number(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Kib(double bytes) => (bytes / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KiB";
}
