using System.Globalization;

namespace Spcncl.Bench;

/// <summary>
/// What to run: <c>[all|startup|render|catalogue|import|search|backoffice|media] [--size N] [--data DIR]</c>. <c>--size</c> replaces the
/// benchmark's main count (products, or rows for import) for quick runs while developing; <c>--data</c> keeps the
/// generated data (one folder per size in DIR) and reuses it next time.
/// </summary>
public sealed record BenchOptions(string Mode, int? Size, string? DataFolder)
{
    public static readonly string[] Modes = ["all", "startup", "render", "catalogue", "import", "search", "backoffice", "media"];

    public static BenchOptions? Parse(string[] args)
    {
        var mode = "all";
        int? size = null;
        string? data = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--size" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    size = n;
                    i++;
                    break;
                case "--data" when i + 1 < args.Length:
                    data = args[++i];
                    break;
                case var m when Modes.Contains(m):
                    mode = m;
                    break;
                default:
                    return null;
            }
        }

        return new BenchOptions(mode, size, data);
    }

    public bool Runs(params string[] modes) => modes.Contains(Mode);
}
