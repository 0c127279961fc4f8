using System.Runtime.InteropServices;

namespace Spcncl.Bench.Harness;

/// <summary>The figures of a run, printed at the end as the Markdown table README carries, under the machine they came from.</summary>
public sealed class Report
{
    private readonly List<(string Measure, string Result, string Budget)> _rows = [];

    public static string Machine
    {
        get
        {
            var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown CPU";
            var memory = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            var gigabytes = long.TryParse(memory, out var kb) ? $", {kb / 1024.0 / 1024.0:0} GB" : "";
            return $"{Environment.ProcessorCount} cores ({cpu}){gigabytes}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}";
        }
    }

    /// <summary>The 1-, 5- and 15-minute load averages: figures taken while others build are noisy.</summary>
    public static string Load => File.ReadAllText("/proc/loadavg").Split(' ') is [var one, var five, var fifteen, ..] ? $"{one} {five} {fifteen}" : "?";

    public void Add(string measure, string result, string budget = "–") => _rows.Add((measure, result, budget));

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Machine: {Machine}; load average at the end: {Load}");
        output.WriteLine();
        output.WriteLine("| Measure | Result | Budget |");
        output.WriteLine("|---|---|---|");
        foreach (var (measure, result, budget) in _rows)
        {
            output.WriteLine($"| {measure} | {result} | {budget} |");
        }
    }
}
