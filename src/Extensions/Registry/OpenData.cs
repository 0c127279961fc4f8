using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spcncl.Published;

namespace Spcncl.Registry;

/// <summary>
/// The registry as open data: one row per award with the fields the programme publishes, as a JSON array or as CSV
/// (UTF-8 with a byte-order mark, so Excel shows Vietnamese correctly). Product URLs appear when the pages are published.
/// </summary>
public sealed class OpenData(AwardRegistry registry, PublishedSnapshotService snapshots)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static readonly string[] Fields =
    [
        "year", "decisionNumber", "decisionDate", "certificateNumber", "top10", "firstTime", "validUntil", "sector",
        "productNameVi", "productNameEn", "productUrlVi", "productUrlEn", "enterpriseNameVi", "enterpriseNameEn", "enterpriseTaxCode",
    ];

    public IReadOnlyList<OpenAward> Awards(int? year, Func<string, string> absolute)
    {
        var snapshot = snapshots.Current;
        string? Url(Guid key, string culture) =>
            snapshot.Get(key) is { } document && snapshot.In(document, culture)?.Url is { } url ? absolute(url) : null;

        return [.. registry.Current.Awards
            .Where(a => year is null || a.Year == year)
            .OrderBy(a => a.Year).ThenByDescending(a => a.Top10).ThenBy(a => a.CertificateNumber, StringComparer.Ordinal)
            .Select(a => new OpenAward(
                a.Year,
                a.Cycle?.DecisionNumber ?? "",
                a.Cycle?.DecisionDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                a.CertificateNumber,
                a.Top10,
                a.FirstTime,
                a.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                a.SectorCode,
                a.Record.ProductNameVi,
                a.ProductName("en"),
                Url(a.ProductKey, "vi"),
                Url(a.ProductKey, "en"),
                a.Record.EnterpriseNameVi,
                a.EnterpriseName("en"),
                a.Record.EnterpriseTaxCode))];
    }

    public static string ToJson(IReadOnlyList<OpenAward> awards) => JsonSerializer.Serialize(awards, Json);

    public static byte[] ToCsv(IReadOnlyList<OpenAward> awards) =>
        Hosting.CsvFile.Write(Fields, awards.Select(a => (IReadOnlyList<string?>)
        [
            a.Year.ToString(CultureInfo.InvariantCulture), a.DecisionNumber, a.DecisionDate, a.CertificateNumber, a.Top10 ? "true" : "false",
            a.FirstTime ? "true" : "false", a.ValidUntil, a.Sector, a.ProductNameVi, a.ProductNameEn, a.ProductUrlVi, a.ProductUrlEn,
            a.EnterpriseNameVi, a.EnterpriseNameEn, a.EnterpriseTaxCode,
        ]));
}

public sealed record OpenAward(
    int Year,
    string DecisionNumber,
    string? DecisionDate,
    string CertificateNumber,
    bool Top10,
    bool FirstTime,
    string ValidUntil,
    string Sector,
    string ProductNameVi,
    string ProductNameEn,
    string? ProductUrlVi,
    string? ProductUrlEn,
    string EnterpriseNameVi,
    string EnterpriseNameEn,
    string EnterpriseTaxCode);
