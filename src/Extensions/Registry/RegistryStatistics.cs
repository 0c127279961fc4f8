namespace Spcncl.Registry;

/// <summary>Figures for the statistics page: awards per year by sector, first-time against re-certified, from the registry in memory.</summary>
public static class RegistryStatistics
{
    public static IReadOnlyList<YearFigures> PerYear(RegistrySnapshot registry) =>
        [.. registry.Awards.GroupBy(a => a.Year).OrderBy(g => g.Key).Select(g => new YearFigures(
            g.Key,
            g.Count(),
            g.Select(a => a.EnterpriseKey).Distinct().Count(),
            g.Count(a => a.Top10),
            g.Count(a => a.FirstTime),
            g.Count(a => !a.FirstTime),
            g.GroupBy(a => a.SectorCode).ToDictionary(s => s.Key, s => s.Count())))];
}

public sealed record YearFigures(int Year, int Products, int Enterprises, int Top10, int FirstTime, int Recertified, IReadOnlyDictionary<string, int> BySector);
