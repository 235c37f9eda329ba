using ChatbotOrleans.Bench.Measure;
using Shouldly;

namespace ChatbotOrleans.Bench.Tests;

public sealed class LinearFitTests
{
    [Fact]
    public void The_slope_of_readings_on_a_line_is_the_line_s()
    {
        LinearFit.Slope([(20, 1_000), (40, 1_500), (60, 2_000)]).ShouldBe(25, tolerance: 1e-9);
    }

    [Fact]
    public void An_outlying_last_reading_moves_the_fit_less_than_a_two_point_difference()
    {
        // Readings after 0, 20, 40, 60 and 80 pages at 200 a page, the last one 2,000 high: the two ends
        // alone say 225 a page, the fit through all five readings 220.
        (double, double)[] readings = [(0, 0), (20, 4_000), (40, 8_000), (60, 12_000), (80, 18_000)];

        LinearFit.Slope(readings).ShouldBe(220, tolerance: 1e-9);
    }

    [Fact]
    public void Fewer_than_two_readings_or_all_at_one_x_have_no_slope_and_say_so()
    {
        Should.Throw<ArgumentException>(() => LinearFit.Slope([(20, 1_000)])).Message.ShouldContain("at least two readings");
        Should.Throw<ArgumentException>(() => LinearFit.Slope([(20, 1_000), (20, 2_000)])).Message.ShouldContain("two different x");
    }
}
