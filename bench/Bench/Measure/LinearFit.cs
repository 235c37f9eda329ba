namespace ChatbotOrleans.Bench.Measure;

/// <summary>A straight line through readings by least squares: what one more unit of x adds to y, steadily.</summary>
public static class LinearFit
{
    /// <summary>The slope of the least-squares line through <paramref name="points"/> (at least two distinct x).</summary>
    public static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2)
        {
            throw new ArgumentException($"A slope needs at least two readings; got {points.Count}.", nameof(points));
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var spread = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        if (spread == 0)
        {
            throw new ArgumentException("A slope needs readings at two different x at least; all were taken at the same one.", nameof(points));
        }

        return points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / spread;
    }
}
