using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spcncl.Content.Documents;
using Spcncl.Content.Notifications;
using Spcncl.Localization;
using Spcncl.Persistence.Entities;

namespace Spcncl.Registry.Import;

/// <summary>
/// Imports a year's decision list (the CLI and the back office both call this). Every row is checked first and every
/// problem reported with its row, column, value and reason; then, in one transaction, cycles and awards are written,
/// enterprises are matched by tax code and products by the certificate they already hold, else by enterprise and name
/// (as the product page is named now, or as an earlier decision recognised it), and missing ones are created as drafts
/// in both cultures for translators. A dry run does all of it and rolls back; so does a file with bad rows, after
/// counting what its good rows would do. Importing the same file again changes nothing.
/// </summary>
public sealed partial class RegistryImporter(ContentService content, IOptions<RegistryOptions> options, TimeProvider clock)
{
    public const string ImportUser = "registry-import";

    public async Task<RegistryImportReport> ImportAsync(Stream file, string fileName, bool dryRun, string user, CancellationToken ct = default)
    {
        var report = new RegistryImportReport { DryRun = dryRun, FileName = Path.GetFileName(fileName) };
        var list = DecisionListReader.Read(file, fileName);
        if (list.Error is not null)
        {
            report.FileProblem = list.Error;
            return report;
        }

        await using var scope = await content.BeginScopeAsync(ct);
        try
        {
            await ImportInScopeAsync(scope, list, user, report, ct);
            if (report.Succeeded && !dryRun)
            {
                await scope.CompleteAsync(ct);
                report.Committed = true;
            }
        }
        catch (DbUpdateException ex)
        {
            // The rows were checked against the registry as it was read; another import may have changed it since.
            report.FileProblem = ImportReason.RegistryRefused((ex.InnerException ?? ex).Message);
        }

        return report;
    }

    /// <summary>Imports into an open unit of work (the uSync seed uses this); the caller completes or abandons it.</summary>
    internal async Task ImportInScopeAsync(ContentScope scope, DecisionList list, string user, RegistryImportReport report, CancellationToken ct)
    {
        report.Rows = list.Rows.Count;
        if (list.Rows.Count == 0)
        {
            report.FileProblem = ImportReason.NoRows;
            return;
        }

        var db = scope.Db;
        var site = await SiteDataAsync(db, ct);
        if (site.Error is { } siteError)
        {
            report.FileProblem = siteError;
            return;
        }

        // The good rows go on even when others are bad, so that the report says what they would create, update and
        // leave unchanged; the caller commits nothing unless every row is good.
        var rows = Validate(list, site, report);
        if (rows.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await WriteCyclesAsync(db, rows, now, report, ct);
        var problems = report.Errors.Count;
        var enterpriseKeys = await EnsureEnterprisesAsync(scope, rows, site, list.HeaderOf(DecisionField.EnterpriseNameVi), user, report, ct);
        if (report.Errors.Count > problems)
        {
            return;
        }

        var productKeys = await EnsureProductsAsync(scope, rows, site, enterpriseKeys, list.HeaderOf(DecisionField.ProductNameVi), user, report, ct);
        if (report.Errors.Count > problems)
        {
            return;
        }

        WriteAwards(db, rows, site, enterpriseKeys, productKeys, now, report);
        if (!report.Succeeded)
        {
            return;
        }

        await db.SaveChangesAsync(ct);
        if (report.Cycles.Changed + report.Awards.Changed > 0)
        {
            scope.Notify(new ContentChange(ContentChangeKind.RefreshRegistry, []));
        }
    }

    private List<ParsedRow> Validate(DecisionList list, SiteData site, RegistryImportReport report)
    {
        var parsed = new List<ParsedRow>();
        var certificates = new Dictionary<string, int>(StringComparer.Ordinal);
        var productsInYear = new Dictionary<(int, string), int>();
        var cycles = new Dictionary<int, ParsedRow>();
        var latestYear = DateOnly.FromDateTime(CultureFormatter.ToSiteTime(clock.GetUtcNow().UtcDateTime)).Year + 1;

        foreach (var row in list.Rows)
        {
            var before = report.Errors.Count;
            void Error(DecisionField field, ImportReason reason) =>
                report.Errors.Add(ImportRowError.Of(row.Row, list.HeaderOf(field), Shorten(row[field]), reason));

            var yearText = row[DecisionField.Year];
            var year = int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0;
            if (year < RegistryOptions.FirstYear || year > latestYear)
            {
                Error(DecisionField.Year, ImportReason.YearOutOfRange(RegistryOptions.FirstYear, latestYear));
                year = 0;
            }

            var decisionNumber = Required(row, DecisionField.DecisionNumber, 60, Error);
            var decisionDate = Date(row, DecisionField.DecisionDate, list.DateSerials, required: true, Error);
            if (decisionDate is { } dd && year > 0 && (dd.Year < year || dd.Year > year + 1))
            {
                Error(DecisionField.DecisionDate, ImportReason.DecisionDateOutsideYear(year));
            }

            var certificate = Required(row, DecisionField.CertificateNumber, 60, Error);
            if (certificate.Length > 0 && !CertificatePattern().IsMatch(certificate))
            {
                Error(DecisionField.CertificateNumber, ImportReason.CertificatePattern);
            }
            else if (certificate.Length > 0 && !certificates.TryAdd(RegistrySnapshot.NormaliseCertificate(certificate), row.Row))
            {
                Error(DecisionField.CertificateNumber, ImportReason.CertificateRepeated(certificates[RegistrySnapshot.NormaliseCertificate(certificate)]));
            }

            var top10 = Boolean(row[DecisionField.Top10]);
            if (top10 is null)
            {
                Error(DecisionField.Top10, ImportReason.NotYesOrNo);
            }

            var sector = row[DecisionField.Sector];
            var sectorCode = site.SectorCode(sector);
            if (sectorCode is null)
            {
                Error(DecisionField.Sector, ImportReason.UnknownSector(site.SectorCodes));
            }

            var taxCode = Required(row, DecisionField.TaxCode, 14, Error);
            if (taxCode.Length > 0 && !TaxCodePattern().IsMatch(taxCode))
            {
                Error(DecisionField.TaxCode, ImportReason.TaxCodePattern(leadingZeroDropped: taxCode.Length == 9 && taxCode.All(char.IsAsciiDigit)));
            }

            var enterpriseVi = Required(row, DecisionField.EnterpriseNameVi, 400, Error);
            var enterpriseEn = Optional(row, DecisionField.EnterpriseNameEn, 400, Error);
            var productVi = Required(row, DecisionField.ProductNameVi, 400, Error);
            var productEn = Optional(row, DecisionField.ProductNameEn, 400, Error);
            var validUntil = Date(row, DecisionField.ValidUntil, list.DateSerials, required: false, Error);
            if (validUntil is { } vu && decisionDate is { } d && vu < d)
            {
                Error(DecisionField.ValidUntil, ImportReason.ValidBeforeDecision);
            }

            var councilDate = Date(row, DecisionField.CouncilDate, list.DateSerials, required: false, Error);
            var ceremonyDate = Date(row, DecisionField.CeremonyDate, list.DateSerials, required: false, Error);

            if (report.Errors.Count > before)
            {
                continue;
            }

            var parsedRow = new ParsedRow(row.Row, year, decisionNumber, decisionDate!.Value, certificate, top10!.Value, sectorCode!, taxCode,
                enterpriseVi, enterpriseEn, productVi, productEn, validUntil ?? decisionDate.Value.AddYears(options.Value.ValidityYears).AddDays(-1), councilDate, ceremonyDate);

            if (cycles.TryGetValue(year, out var first))
            {
                if (first.DecisionNumber != decisionNumber || first.DecisionDate != parsedRow.DecisionDate)
                {
                    Error(DecisionField.DecisionNumber, ImportReason.OneDecisionPerYear(first.Row, first.DecisionNumber, first.DecisionDate, year));
                    continue;
                }
            }
            else
            {
                cycles[year] = parsedRow;
            }

            if (site.Awards.TryGetValue(RegistrySnapshot.NormaliseCertificate(certificate), out var existing)
                && (existing.Year != year || existing.EnterpriseTaxCode != taxCode || NameKey(existing.ProductNameVi) != NameKey(productVi)))
            {
                Error(DecisionField.CertificateNumber, ImportReason.CertificateHeldElsewhere(existing.ProductNameVi, existing.Year));
                continue;
            }

            // One product, one award a year (the database holds it to that): two rows, or a row and an award already
            // in the registry, for the same product in the same year are refused here rather than by the database.
            var product = site.ExistingProduct(certificate, taxCode, productVi);
            var productKey = product?.ToString() ?? $"{taxCode}\n{NameKey(productVi)}";
            if (!productsInYear.TryAdd((year, productKey), row.Row))
            {
                Error(DecisionField.ProductNameVi, ImportReason.ProductRepeated(productsInYear[(year, productKey)], year));
                continue;
            }

            if (product is { } key && site.AwardsByYearAndProduct.TryGetValue((year, key), out var held)
                && RegistrySnapshot.NormaliseCertificate(held.CertificateNumber) != RegistrySnapshot.NormaliseCertificate(certificate))
            {
                Error(DecisionField.CertificateNumber, ImportReason.ProductRecognisedThatYear(held.ProductNameVi, held.CertificateNumber, year));
                continue;
            }

            parsed.Add(parsedRow with { Product = product });
        }

        foreach (var group in parsed.GroupBy(r => r.Year))
        {
            var inFile = group.Select(r => RegistrySnapshot.NormaliseCertificate(r.Certificate)).ToHashSet(StringComparer.Ordinal);
            var top10 = group.Count(r => r.Top10) + site.Awards.Values.Count(a => a.Year == group.Key && a.Top10 && !inFile.Contains(RegistrySnapshot.NormaliseCertificate(a.CertificateNumber)));
            if (top10 > 10)
            {
                var row = group.Last(r => r.Top10);
                report.Errors.Add(ImportRowError.Of(row.Row, list.HeaderOf(DecisionField.Top10), "yes", ImportReason.TooManyTop10(group.Key, top10)));
            }
        }

        return parsed;
    }

    private static async Task WriteCyclesAsync(Persistence.SiteDbContext db, List<ParsedRow> rows, DateTime now, RegistryImportReport report, CancellationToken ct)
    {
        var existing = await db.AwardCycles.ToDictionaryAsync(c => c.Year, ct);
        foreach (var row in rows.GroupBy(r => r.Year).Select(g => g.First()))
        {
            var council = rows.Where(r => r.Year == row.Year).Select(r => r.CouncilDate).FirstOrDefault(d => d is not null);
            var ceremony = rows.Where(r => r.Year == row.Year).Select(r => r.CeremonyDate).FirstOrDefault(d => d is not null);
            if (!existing.TryGetValue(row.Year, out var cycle))
            {
                db.AwardCycles.Add(new AwardCycleEntity
                {
                    Year = row.Year,
                    DecisionNumber = row.DecisionNumber,
                    DecisionDate = row.DecisionDate,
                    CouncilDate = council,
                    CeremonyDate = ceremony,
                    Status = nameof(CycleStatus.Recognised),
                    UpdatedUtc = now,
                });
                report.Cycles.Created++;
                continue;
            }

            var changed = cycle.DecisionNumber != row.DecisionNumber || cycle.DecisionDate != row.DecisionDate
                || (council is not null && cycle.CouncilDate != council) || (ceremony is not null && cycle.CeremonyDate != ceremony)
                || cycle.Status != nameof(CycleStatus.Recognised);
            if (changed)
            {
                cycle.DecisionNumber = row.DecisionNumber;
                cycle.DecisionDate = row.DecisionDate;
                cycle.CouncilDate = council ?? cycle.CouncilDate;
                cycle.CeremonyDate = ceremony ?? cycle.CeremonyDate;
                cycle.Status = nameof(CycleStatus.Recognised);
                cycle.UpdatedUtc = now;
                report.Cycles.Updated++;
            }
            else
            {
                report.Cycles.Unchanged++;
            }
        }
    }

    private static async Task<Dictionary<string, Guid>> EnsureEnterprisesAsync(ContentScope scope, List<ParsedRow> rows, SiteData site, string column, string user, RegistryImportReport report, CancellationToken ct)
    {
        var keys = new Dictionary<string, Guid>(site.EnterprisesByTaxCode, StringComparer.Ordinal);
        var missing = rows.Where(r => !keys.ContainsKey(r.TaxCode)).GroupBy(r => r.TaxCode).Select(g => g.First()).ToList();
        report.Enterprises.Unchanged = rows.Select(r => r.TaxCode).Distinct().Count() - missing.Count;
        if (missing.Count == 0)
        {
            return keys;
        }

        var requests = missing.Select(r => new CreateDocumentRequest(
            "enterprise",
            site.DirectoryId,
            new Dictionary<string, VariantInput>
            {
                ["vi"] = new(r.EnterpriseVi),
                ["en"] = new(r.EnterpriseEn.Length > 0 ? r.EnterpriseEn : r.EnterpriseVi),
            },
            new Dictionary<string, JsonElement?> { ["taxCode"] = JsonSerializer.SerializeToElement(r.TaxCode) })).ToList();
        var created = await scope.Writer.CreateManyAsync(requests, user, ct);
        foreach (var (index, failure) in created.Failures)
        {
            report.Errors.Add(ImportRowError.Of(missing[index].Row, column, missing[index].EnterpriseVi, ImportReason.EnterpriseNotCreated(string.Join("; ", failure.Errors))));
        }

        for (var i = 0; i < created.Documents.Count; i++)
        {
            keys[missing[i].TaxCode] = created.Documents[i].Key;
        }

        report.Enterprises.Created = created.Documents.Count;
        return keys;
    }

    private static async Task<Dictionary<(Guid, string), Guid>> EnsureProductsAsync(ContentScope scope, List<ParsedRow> rows, SiteData site, Dictionary<string, Guid> enterprises, string column, string user, RegistryImportReport report, CancellationToken ct)
    {
        // Rows whose product the site has already carry its key; the others share one new draft per enterprise and name.
        var keys = new Dictionary<(Guid, string), Guid>();
        var missing = rows
            .Where(r => r.Product is null)
            .GroupBy(r => (r.TaxCode, NameKey(r.ProductVi)))
            .Select(g => g.First())
            .ToList();
        report.Products.Unchanged = rows.Where(r => r.Product is not null).Select(r => r.Product).Distinct().Count();
        if (missing.Count == 0)
        {
            return keys;
        }

        var requests = missing.Select(r => new CreateDocumentRequest(
            "product",
            site.CatalogueId,
            new Dictionary<string, VariantInput>
            {
                ["vi"] = new(r.ProductVi),
                ["en"] = new(r.ProductEn.Length > 0 ? r.ProductEn : r.ProductVi),
            },
            new Dictionary<string, JsonElement?>
            {
                ["enterprise"] = JsonSerializer.SerializeToElement(enterprises[r.TaxCode].ToString()),
                ["sector"] = JsonSerializer.SerializeToElement(site.SectorKeys[r.SectorCode].ToString()),
            })).ToList();
        var created = await scope.Writer.CreateManyAsync(requests, user, ct);
        foreach (var (index, failure) in created.Failures)
        {
            report.Errors.Add(ImportRowError.Of(missing[index].Row, column, missing[index].ProductVi, ImportReason.ProductNotCreated(string.Join("; ", failure.Errors))));
        }

        for (var i = 0; i < created.Documents.Count; i++)
        {
            keys[(enterprises[missing[i].TaxCode], NameKey(missing[i].ProductVi))] = created.Documents[i].Key;
        }

        report.Products.Created = created.Documents.Count;
        return keys;
    }

    private static void WriteAwards(Persistence.SiteDbContext db, List<ParsedRow> rows, SiteData site, Dictionary<string, Guid> enterprises, Dictionary<(Guid, string), Guid> products, DateTime now, RegistryImportReport report)
    {
        foreach (var row in rows)
        {
            var enterpriseKey = enterprises[row.TaxCode];
            var productKey = row.Product ?? products[(enterpriseKey, NameKey(row.ProductVi))];
            if (!site.Awards.TryGetValue(RegistrySnapshot.NormaliseCertificate(row.Certificate), out var award))
            {
                award = new AwardEntity { CertificateNumber = row.Certificate, CreatedUtc = now };
                db.Awards.Add(award);
                report.Awards.Created++;
            }
            else if (award.Year == row.Year && award.ProductKey == productKey && award.EnterpriseKey == enterpriseKey && award.SectorCode == row.SectorCode
                && award.Top10 == row.Top10 && award.ValidUntil == row.ValidUntil && award.ProductNameVi == row.ProductVi && award.ProductNameEn == row.ProductEn
                && award.EnterpriseNameVi == row.EnterpriseVi && award.EnterpriseNameEn == row.EnterpriseEn)
            {
                report.Awards.Unchanged++;
                continue;
            }
            else
            {
                report.Awards.Updated++;
            }

            award.Year = row.Year;
            award.ProductKey = productKey;
            award.EnterpriseKey = enterpriseKey;
            award.SectorCode = row.SectorCode;
            award.Top10 = row.Top10;
            award.ValidUntil = row.ValidUntil;
            award.ProductNameVi = row.ProductVi;
            award.ProductNameEn = row.ProductEn;
            award.EnterpriseNameVi = row.EnterpriseVi;
            award.EnterpriseNameEn = row.EnterpriseEn;
            award.EnterpriseTaxCode = row.TaxCode;
            award.UpdatedUtc = now;
        }
    }

    /// <summary>What the import needs to know about the site, read once: sectors, the parent pages, enterprises, products, awards.</summary>
    private static async Task<SiteData> SiteDataAsync(Persistence.SiteDbContext db, CancellationToken ct)
    {
        var documents = await db.Documents.AsNoTracking()
            .Where(d => !d.Trashed && (d.ContentType == "sector" || d.ContentType == "enterprise" || d.ContentType == "product" || d.ContentType == "enterpriseDirectory" || d.ContentType == "productCatalogue"))
            .Select(d => new { d.Id, d.Key, d.ContentType, d.SharedValues, Names = d.Cultures.Select(c => new { c.Culture, c.Name }).ToList() })
            .ToListAsync(ct);
        string? Shared(string json, string alias) =>
            JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) is { } values && values.TryGetValue(alias, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        var directory = documents.FirstOrDefault(d => d.ContentType == "enterpriseDirectory");
        var catalogue = documents.FirstOrDefault(d => d.ContentType == "productCatalogue");
        if (directory is null || catalogue is null)
        {
            return new SiteData { Error = ImportReason.NoParentPages };
        }

        var data = new SiteData { DirectoryId = directory.Id, CatalogueId = catalogue.Id };
        foreach (var sector in documents.Where(d => d.ContentType == "sector"))
        {
            if (Shared(sector.SharedValues, "code") is not { } code)
            {
                continue;
            }

            data.SectorKeys[code] = sector.Key;
            data.SectorNames[NameKey(code)] = code;
            foreach (var name in sector.Names)
            {
                data.SectorNames[NameKey(name.Name)] = code;
            }
        }

        foreach (var enterprise in documents.Where(d => d.ContentType == "enterprise"))
        {
            if (Shared(enterprise.SharedValues, "taxCode") is { } taxCode)
            {
                data.EnterprisesByTaxCode.TryAdd(taxCode, enterprise.Key);
            }
        }

        foreach (var product in documents.Where(d => d.ContentType == "product"))
        {
            data.ProductKeys.Add(product.Key);
            if (Guid.TryParse(Shared(product.SharedValues, "enterprise"), out var enterprise) && product.Names.FirstOrDefault(n => n.Culture == "vi") is { } name)
            {
                data.ProductsByEnterpriseAndName.TryAdd((enterprise, NameKey(name.Name)), product.Key);
            }
        }

        foreach (var award in (await db.Awards.ToListAsync(ct)).OrderByDescending(a => a.Year))
        {
            data.Awards[RegistrySnapshot.NormaliseCertificate(award.CertificateNumber)] = award;
            data.AwardsByYearAndProduct[(award.Year, award.ProductKey)] = award;
            data.ProductsByEnterpriseAndRecognisedName.TryAdd((award.EnterpriseKey, NameKey(award.ProductNameVi)), award.ProductKey);
        }

        return data;
    }

    /// <summary>Product names compare with accents, case, spacing and punctuation ignored.</summary>
    internal static string NameKey(string name) => DecisionListReader.NormaliseHeader(name);

    private static string Required(DecisionRow row, DecisionField field, int maxLength, Action<DecisionField, ImportReason> error)
    {
        var value = row[field];
        if (value.Length == 0)
        {
            error(field, ImportReason.Required);
        }
        else if (value.Length > maxLength)
        {
            error(field, ImportReason.TooLong(value.Length, maxLength));
        }
        else if (value.Any(char.IsControl))
        {
            error(field, ImportReason.ControlCharacters);
        }

        return value;
    }

    private static string Optional(DecisionRow row, DecisionField field, int maxLength, Action<DecisionField, ImportReason> error) =>
        row[field].Length == 0 ? "" : Required(row, field, maxLength, error);

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy"];

    private static DateOnly? Date(DecisionRow row, DecisionField field, bool serials, bool required, Action<DecisionField, ImportReason> error)
    {
        var text = row[field];
        if (text.Length == 0)
        {
            if (required)
            {
                error(field, ImportReason.Required);
            }

            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        // Excel stores dates as day numbers.
        if (serials && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        error(field, ImportReason.NotADate);
        return null;
    }

    private static bool? Boolean(string text) => DecisionListReader.NormaliseHeader(text) switch
    {
        "" or "0" or "no" or "false" or "khong" or "k" or "n" => false,
        "1" or "x" or "yes" or "true" or "co" or "c" or "y" or "top 10" or "top10" => true,
        _ => null,
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    /// <summary>Parts of letters, digits and . - _, each starting with a letter or digit, joined by single slashes (123/GCN-SCT).</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$", RegexOptions.CultureInvariant)]
    internal static partial Regex CertificatePattern();

    [GeneratedRegex("^[0-9]{10}(-[0-9]{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex TaxCodePattern();

    private sealed record ParsedRow(
        int Row,
        int Year,
        string DecisionNumber,
        DateOnly DecisionDate,
        string Certificate,
        bool Top10,
        string SectorCode,
        string TaxCode,
        string EnterpriseVi,
        string EnterpriseEn,
        string ProductVi,
        string ProductEn,
        DateOnly ValidUntil,
        DateOnly? CouncilDate,
        DateOnly? CeremonyDate)
    {
        /// <summary>The product the site already has for this row, if any (see <see cref="SiteData.ExistingProduct"/>).</summary>
        public Guid? Product { get; init; }
    }

    private sealed class SiteData
    {
        public ImportReason? Error { get; init; }

        public int DirectoryId { get; init; }

        public int CatalogueId { get; init; }

        public Dictionary<string, Guid> SectorKeys { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> SectorNames { get; } = new(StringComparer.Ordinal);

        public IEnumerable<string> SectorCodes => SectorKeys.Keys.Order(StringComparer.Ordinal);

        public Dictionary<string, Guid> EnterprisesByTaxCode { get; } = new(StringComparer.Ordinal);

        /// <summary>Every product document outside the recycle bin.</summary>
        public HashSet<Guid> ProductKeys { get; } = [];

        /// <summary>Products by enterprise and Vietnamese name as the page is named now.</summary>
        public Dictionary<(Guid, string), Guid> ProductsByEnterpriseAndName { get; } = [];

        /// <summary>Products by enterprise and Vietnamese name as a decision recognised them (the newest decision first).</summary>
        public Dictionary<(Guid, string), Guid> ProductsByEnterpriseAndRecognisedName { get; } = [];

        /// <summary>Awards by normalised certificate number.</summary>
        public Dictionary<string, AwardEntity> Awards { get; } = new(StringComparer.Ordinal);

        public Dictionary<(int Year, Guid Product), AwardEntity> AwardsByYearAndProduct { get; } = [];

        public string? SectorCode(string text) => text.Length == 0 ? null : SectorNames.GetValueOrDefault(NameKey(text));

        /// <summary>
        /// The product a row is about, when the site has it: the product its certificate number already belongs to
        /// (editors rename products; the certificate stays with its product), else the enterprise's product of that
        /// name, as named now or as an earlier decision recognised it. Null for a product new to the site.
        /// </summary>
        public Guid? ExistingProduct(string certificate, string taxCode, string productVi)
        {
            if (Awards.TryGetValue(RegistrySnapshot.NormaliseCertificate(certificate), out var award) && ProductKeys.Contains(award.ProductKey))
            {
                return award.ProductKey;
            }

            if (!EnterprisesByTaxCode.TryGetValue(taxCode, out var enterprise))
            {
                return null;
            }

            var name = NameKey(productVi);
            if (ProductsByEnterpriseAndName.TryGetValue((enterprise, name), out var named))
            {
                return named;
            }

            return ProductsByEnterpriseAndRecognisedName.TryGetValue((enterprise, name), out var recognised) && ProductKeys.Contains(recognised) ? recognised : null;
        }
    }
}

/// <summary>What an import did or would do, and every problem found.</summary>
public sealed class RegistryImportReport
{
    public bool DryRun { get; init; }

    public string FileName { get; init; } = "";

    /// <summary>True only when the changes were written (never for a dry run or a file with errors).</summary>
    public bool Committed { get; set; }

    /// <summary>Why the file as a whole could not be read or imported (no rows were looked at, or none was written).</summary>
    public ImportReason? FileProblem { get; set; }

    /// <summary>The <see cref="FileProblem"/> in English, as the command line and the logs print it.</summary>
    public string? FileError => FileProblem?.English;

    public int Rows { get; set; }

    public ImportCounts Cycles { get; } = new();

    public ImportCounts Enterprises { get; } = new();

    public ImportCounts Products { get; } = new();

    public ImportCounts Awards { get; } = new();

    public List<ImportRowError> Errors { get; } = [];

    public bool Succeeded => FileError is null && Errors.Count == 0;
}

public sealed class ImportCounts
{
    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Changed => Created + Updated;

    public override string ToString() => $"{Created} created, {Updated} updated, {Unchanged} unchanged";
}

/// <summary>
/// One problem in one row: the row number in the file (header = row 1), the column as the file named it, the value,
/// and the reason in English with its code and arguments (see <see cref="ImportReason"/>). Reports stored before
/// reasons had codes have neither: they show the English.
/// </summary>
public sealed record ImportRowError(int Row, string Column, string Value, string Reason, string? Code = null, IReadOnlyList<string>? Args = null)
{
    public static ImportRowError Of(int row, string column, string value, ImportReason reason) =>
        new(row, column, value, reason.English, reason.Code, reason.Args);

    public override string ToString() => $"row {Row}, {Column} '{Value}': {Reason}";
}
