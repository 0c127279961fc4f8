using System.Globalization;

namespace Spcncl.Bench.Harness;

/// <summary>Medians and percentiles (nearest rank) of timings, and how they are printed.</summary>
public static class Stats
{
    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 0.5);

    public static double P95(IReadOnlyCollection<double> values) => Percentile(values, 0.95);

    public static double Percentile(IReadOnlyCollection<double> values, double fraction)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>Whole milliseconds with thousands separators: "1,230 ms".</summary>
    public static string Ms(double milliseconds) => $"{milliseconds.ToString("#,##0", CultureInfo.InvariantCulture)} ms";

    /// <summary>Median and p95 to the microsecond: "0.490 / 0.750 ms".</summary>
    public static string MedianP95(IReadOnlyCollection<double> milliseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{Median(milliseconds):0.000} / {P95(milliseconds):0.000} ms");

    public static string Seconds(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0} s");
}
