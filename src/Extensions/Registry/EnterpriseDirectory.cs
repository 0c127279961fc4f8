using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Spcncl.Localization;
using Spcncl.Published;
using Spcncl.Published.Models;

namespace Spcncl.Registry;

/// <summary>
/// The enterprise directory: every enterprise page of a culture with its sectors (from its products and awards), its
/// markets and area, grouped by initial letter in the culture's alphabet (Vietnamese has Ă, Â, Đ, Ê, Ô, Ơ, Ư).
/// </summary>
public sealed class EnterpriseDirectory(PublishedSnapshotService snapshots, AwardRegistry registry, PublishedModelFactory models, CultureFormatter formatter, ProductCatalogue catalogue)
{
    private readonly ConcurrentDictionary<(long, long, string), IReadOnlyList<DirectoryEntry>> _entries = new();

    public IReadOnlyList<DirectoryEntry> Entries(string culture)
    {
        var snapshot = snapshots.Current;
        var awards = registry.Current;
        var key = (snapshot.Generation, awards.Generation, culture);
        if (_entries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        // Each publish or import makes a new generation: keep only the current one (as the catalogue does).
        var built = Build(snapshot, awards, culture);
        foreach (var stale in _entries.Keys.Where(k => k.Item3 == culture && k != key))
        {
            _entries.TryRemove(stale, out _);
        }

        return _entries.GetOrAdd(key, built);
    }

    public DirectoryResult Search(DirectoryQuery query, string culture)
    {
        var entries = Entries(culture);
        bool Matches(DirectoryEntry e, string? skip) =>
            (skip == "letter" || query.Letter is null || e.Letter == query.Letter)
            && (skip == "sector" || query.Sector is null || e.SectorCodes.Contains(query.Sector))
            && (skip == "market" || query.Market is null || e.Markets.Contains(query.Market))
            && (skip == "area" || query.Area is null || e.Area == query.Area);

        var collation = formatter.Collation(culture);
        List<FacetOption> Count(string facet, Func<DirectoryEntry, IEnumerable<(string Value, string Label)>> values) =>
            [.. entries.Where(e => Matches(e, facet)).SelectMany(values).GroupBy(v => v.Value)
                .Select(g => new FacetOption(g.Key, g.First().Label, g.Count())).OrderBy(o => o.Label, collation)];

        var letters = entries.Where(e => Matches(e, "letter")).GroupBy(e => e.Letter).ToDictionary(g => g.Key, g => g.Count());
        return new DirectoryResult(
            [.. entries.Where(e => Matches(e, null))],
            [.. Alphabet(culture).Select(l => new FacetOption(l, l, letters.GetValueOrDefault(l)))],
            Count("sector", e => e.SectorCodes.Select(c => (c, e.SectorNames[c]))),
            Count("market", e => e.Markets.Select(m => (m, e.MarketLabels[m]))),
            Count("area", e => e.Area is null ? [] : [(e.Area, e.AreaLabel ?? e.Area)]));
    }

    /// <summary>The letters of the culture's alphabet that names start with.</summary>
    public static IReadOnlyList<string> Alphabet(string culture) => culture == "vi"
        ? ["A", "Ă", "Â", "B", "C", "D", "Đ", "E", "Ê", "G", "H", "I", "K", "L", "M", "N", "O", "Ô", "Ơ", "P", "Q", "R", "S", "T", "U", "Ư", "V", "X", "Y"]
        : [.. Enumerable.Range('A', 26).Select(c => ((char)c).ToString())];

    /// <summary>Legal forms that open Vietnamese company names, longest first; a directory files the name after them.</summary>
    private static readonly string[] VietnameseLegalForms =
    [
        "Công ty trách nhiệm hữu hạn một thành viên", "Công ty trách nhiệm hữu hạn", "Công ty TNHH một thành viên", "Công ty TNHH MTV",
        "Công ty TNHH", "Công ty cổ phần", "Công ty CP", "Công ty hợp danh", "Tổng công ty", "Công ty", "Doanh nghiệp tư nhân", "DNTN",
        "Hợp tác xã", "HTX",
    ];

    /// <summary>
    /// The part of a name the directory files and sorts by: Vietnamese company names start with their legal form
    /// ("Công ty TNHH MTV Cơ khí Đông Đô"), which says nothing about the company, so it is skipped ("Cơ khí Đông Đô").
    /// </summary>
    public static string FilingName(string name, string culture)
    {
        var trimmed = name.Trim().Normalize(NormalizationForm.FormC);
        if (culture != "vi")
        {
            return trimmed;
        }

        foreach (var form in VietnameseLegalForms)
        {
            if (trimmed.Length > form.Length && trimmed.StartsWith(form, StringComparison.OrdinalIgnoreCase) && trimmed[form.Length] == ' ')
            {
                return trimmed[(form.Length + 1)..].TrimStart();
            }
        }

        return trimmed;
    }

    /// <summary>
    /// The initial a name is filed under (see <see cref="FilingName"/>): in Vietnamese the letter keeps its breve, circumflex or horn (Ă, Â, Ơ) but
    /// not its tone mark (Á is filed under A); in English every mark is dropped (Đ under D).
    /// </summary>
    public static string Letter(string name, string culture)
    {
        var first = FilingName(name, culture).FirstOrDefault(char.IsLetterOrDigit);
        if (first == default)
        {
            return "#";
        }

        if (culture != "vi")
        {
            var folded = VietnameseText.FoldAccents(first.ToString()).ToUpperInvariant();
            return folded.Length == 1 && char.IsAsciiLetter(folded[0]) ? folded : "#";
        }

        var kept = new StringBuilder();
        foreach (var ch in first.ToString().ToUpperInvariant().Normalize(NormalizationForm.FormD))
        {
            // U+0306 breve, U+0302 circumflex, U+031B horn make letters; the five tone marks do not.
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark || ch is '\u0306' or '\u0302' or '\u031B')
            {
                kept.Append(ch);
            }
        }

        var letter = kept.ToString().Normalize(NormalizationForm.FormC);
        return Alphabet("vi").Contains(letter) ? letter : "#";
    }

    private List<DirectoryEntry> Build(PublishedSnapshot snapshot, RegistrySnapshot awards, string culture)
    {
        var products = catalogue.Entries(culture).Where(p => p.EnterpriseKey is not null).ToLookup(p => p.EnterpriseKey!.Value);
        var sectorNames = catalogue.Entries(culture).GroupBy(p => p.SectorCode).ToDictionary(g => g.Key, g => g.First().SectorName);
        var entries = new List<DirectoryEntry>();
        foreach (var document in snapshot.OfType("enterprise"))
        {
            if (models.Create(document, culture, snapshot) is not EnterprisePage { Url: { } url } enterprise)
            {
                continue;
            }

            var enterpriseAwards = awards.ForEnterprise(enterprise.Key).ToList();
            var sectors = products[enterprise.Key].Select(p => p.SectorCode).Concat(enterpriseAwards.Select(a => a.SectorCode)).Where(c => c.Length > 0).Distinct().ToList();
            entries.Add(new DirectoryEntry(
                enterprise.Key,
                enterprise.Name,
                enterprise.Summary,
                url,
                enterprise.LogoKey,
                Letter(enterprise.Name, culture),
                sectors,
                sectors.ToDictionary(c => c, c => sectorNames.GetValueOrDefault(c) ?? c),
                enterprise.ExportMarkets,
                enterprise.ExportMarkets.Zip(enterprise.ExportMarketLabels).ToDictionary(p => p.First, p => p.Second),
                enterprise.Area,
                enterprise.AreaLabel,
                products[enterprise.Key].Count(),
                enterpriseAwards.Count,
                enterpriseAwards.Count == 0 ? null : enterpriseAwards.Max(a => a.Year),
                enterprise.IsFallback));
        }

        var collation = formatter.Collation(culture);
        return [.. entries.OrderBy(e => FilingName(e.Name, culture), collation).ThenBy(e => e.Name, collation)];
    }
}

public sealed record DirectoryQuery(string? Letter = null, string? Sector = null, string? Market = null, string? Area = null)
{
    public bool HasFilters => Letter is not null || Sector is not null || Market is not null || Area is not null;
}

public sealed record DirectoryEntry(
    Guid Key,
    string Name,
    string? Summary,
    string Url,
    Guid? LogoKey,
    string Letter,
    IReadOnlyList<string> SectorCodes,
    IReadOnlyDictionary<string, string> SectorNames,
    IReadOnlyList<string> Markets,
    IReadOnlyDictionary<string, string> MarketLabels,
    string? Area,
    string? AreaLabel,
    int ProductCount,
    int AwardCount,
    int? LatestYear,
    bool IsFallback);

public sealed record DirectoryResult(
    IReadOnlyList<DirectoryEntry> Items,
    IReadOnlyList<FacetOption> Letters,
    IReadOnlyList<FacetOption> Sectors,
    IReadOnlyList<FacetOption> Markets,
    IReadOnlyList<FacetOption> Areas);
