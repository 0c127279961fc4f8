using System.Collections.Frozen;

namespace Spcncl.Registry;

/// <summary>
/// The award registry in memory, immutable: every cycle and award, indexed by certificate, product, enterprise and
/// year. "First time" is derived here: an award is first-time when no earlier year recognised the same product.
/// </summary>
public sealed class RegistrySnapshot
{
    private readonly FrozenDictionary<string, Award> _byCertificate;
    private readonly ILookup<Guid, Award> _byProduct;
    private readonly ILookup<Guid, Award> _byEnterprise;
    private readonly ILookup<int, Award> _byYear;
    private readonly FrozenDictionary<int, AwardCycle> _cycles;

    public RegistrySnapshot(long generation, IEnumerable<AwardCycle> cycles, IEnumerable<AwardRecord> records)
    {
        Generation = generation;
        _cycles = cycles.ToFrozenDictionary(c => c.Year);
        Cycles = [.. _cycles.Values.OrderByDescending(c => c.Year)];

        var firstYear = new Dictionary<Guid, int>();
        foreach (var record in records.OrderBy(r => r.Year))
        {
            firstYear.TryAdd(record.ProductKey, record.Year);
        }

        Awards = [.. records
            .Select(r => new Award(r, _cycles.GetValueOrDefault(r.Year), FirstTime: firstYear[r.ProductKey] == r.Year))
            .OrderByDescending(a => a.Year).ThenByDescending(a => a.Top10).ThenBy(a => a.CertificateNumber, StringComparer.Ordinal)];
        _byCertificate = Awards.ToFrozenDictionary(a => NormaliseCertificate(a.CertificateNumber), StringComparer.Ordinal);
        _byProduct = Awards.OrderByDescending(a => a.Year).ToLookup(a => a.ProductKey);
        _byEnterprise = Awards.OrderByDescending(a => a.Year).ToLookup(a => a.EnterpriseKey);
        _byYear = Awards.ToLookup(a => a.Year);
    }

    public static RegistrySnapshot Empty { get; } = new(0, [], []);

    public long Generation { get; }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<AwardCycle> Cycles { get; }

    /// <summary>Newest year first; within a year the Top 10 first.</summary>
    public IReadOnlyList<Award> Awards { get; }

    public AwardCycle? Cycle(int year) => _cycles.GetValueOrDefault(year);

    public Award? ByCertificate(string? number) =>
        number is null ? null : _byCertificate.GetValueOrDefault(NormaliseCertificate(number));

    /// <summary>A product's awards, newest first.</summary>
    public IEnumerable<Award> ForProduct(Guid productKey) => _byProduct[productKey];

    public IEnumerable<Award> ForEnterprise(Guid enterpriseKey) => _byEnterprise[enterpriseKey];

    public IEnumerable<Award> ForYear(int year) => _byYear[year];

    /// <summary>Certificate numbers compare without case or spaces: what a person types from paper should match.</summary>
    public static string NormaliseCertificate(string number) =>
        new([.. number.Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant)]);
}

public enum CycleStatus
{
    Planning,
    Registration,
    Assessment,
    PublicDisclosure,
    Recognised,
}

public sealed record AwardCycle(int Year, string DecisionNumber, DateOnly? DecisionDate, DateOnly? CouncilDate, DateOnly? CeremonyDate, CycleStatus Status)
{
    /// <summary>The People's Committee has issued the year's decision (number and date known).</summary>
    public bool HasDecision => DecisionNumber.Length > 0 && DecisionDate is not null;
}

/// <summary>An award as stored (before derivation).</summary>
public sealed record AwardRecord(
    int Id,
    int Year,
    string CertificateNumber,
    Guid ProductKey,
    Guid EnterpriseKey,
    string SectorCode,
    bool Top10,
    DateOnly ValidUntil,
    string ProductNameVi,
    string ProductNameEn,
    string EnterpriseNameVi,
    string EnterpriseNameEn,
    string EnterpriseTaxCode);

/// <summary>One product recognised in one year, with what the registry derives about it.</summary>
public sealed record Award(AwardRecord Record, AwardCycle? Cycle, bool FirstTime)
{
    public int Year => Record.Year;

    public string CertificateNumber => Record.CertificateNumber;

    public Guid ProductKey => Record.ProductKey;

    public Guid EnterpriseKey => Record.EnterpriseKey;

    public string SectorCode => Record.SectorCode;

    public bool Top10 => Record.Top10;

    public DateOnly ValidUntil => Record.ValidUntil;

    public bool IsValidOn(DateOnly date) => date <= ValidUntil;

    /// <summary>The product's name as recognised, in the culture (English falls back to Vietnamese when the decision gave none).</summary>
    public string ProductName(string culture) => culture != "vi" && Record.ProductNameEn.Length > 0 ? Record.ProductNameEn : Record.ProductNameVi;

    public string EnterpriseName(string culture) => culture != "vi" && Record.EnterpriseNameEn.Length > 0 ? Record.EnterpriseNameEn : Record.EnterpriseNameVi;
}
