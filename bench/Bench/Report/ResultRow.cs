namespace ChatbotOrleans.Bench.Report;

/// <summary>
/// One line of the table: a figure, the baseline of the same run it is divided by (if any), and the
/// target it is checked against (if any).
/// </summary>
public sealed record ResultRow(
    string Section,
    string Measure,
    string Value,
    string Baseline = "",
    double? Ratio = null,
    string Target = "",
    bool? Passed = null)
{
    public string Result => Passed switch
    {
        true => "PASS",
        false => "FAIL",
        null => "",
    };
}
