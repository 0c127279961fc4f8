using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Spcncl.Persistence;
using Spcncl.Registry;
using Spcncl.Registry.Import;
using Spcncl.Tests.Fixtures;

namespace Spcncl.Tests.Registry;

/// <summary>
/// A registry clerk imports a year's decision list (CSV or XLSX, English or Vietnamese headers): every bad row is
/// reported with its row, column, value and reason and nothing is written; a good file creates the cycle, the
/// awards and, for enterprises and products the site does not have yet, drafts in both cultures for translators.
/// Runs the real importer over a copy of the seeded demo registry (2018–2025; 2026 is open).
/// </summary>
public sealed class RegistryImportTests : IAsyncLifetime
{
    private const string Clerk = "clerk@test";
    private TestEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await TestEngine.StartAsync(clock: FixedClock.At(new DateOnly(2026, 12, 1)));

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private RegistryImporter Importer => _engine.Get<RegistryImporter>();

    private RegistrySnapshot Registry => _engine.Get<AwardRegistry>().Current;

    private Task<RegistryImportReport> ImportAsync(byte[] file, string fileName, bool dryRun = false) =>
        Importer.ImportAsync(new MemoryStream(file), fileName, dryRun, Clerk);

    private Task<RegistryImportReport> ImportCsvAsync(IEnumerable<DecisionLine> lines, bool dryRun = false, string[]? headers = null) =>
        ImportAsync(DecisionFiles.Csv(DecisionLine.Table(lines, headers)), "decision-2026.csv", dryRun);

    /// <summary>What is stored, to show that a refused or dry-run import wrote nothing.</summary>
    private async Task<string> StoredAsync()
    {
        await using var db = _engine.Get<SiteDbContextFactory>().CreateDbContext();
        var documents = await db.Documents.CountAsync();
        var versions = await db.DocumentVersions.CountAsync();
        var awards = await db.Awards.OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.CertificateNumber}:{a.Year}:{a.ProductKey}:{a.Top10}:{a.ValidUntil}").ToListAsync();
        var cycles = await db.AwardCycles.OrderBy(c => c.Year).Select(c => $"{c.Year}:{c.DecisionNumber}:{c.DecisionDate}:{c.Status}").ToListAsync();
        return $"{documents} documents, {versions} versions; awards {string.Join(",", awards)}; cycles {string.Join(",", cycles)}";
    }

    private static void AssertSucceeded(RegistryImportReport report)
    {
        Assert.True(report.Succeeded, $"{report.FileError} {string.Join("; ", report.Errors)}");
        Assert.Equal(!report.DryRun, report.Committed);
    }

    [Fact]
    public async Task Import_ValidCsv_WritesTheCycleAndAwards_AndCreatesMissingEnterprisesAndProductsAsDraftsInBothCultures()
    {
        var report = await ImportCsvAsync(
        [
            DecisionLine.Product(1) with { Top10 = "x" },
            DecisionLine.Product(2),
            new DecisionLine { Certificate = "TEST-2026-003", TaxCode = "0109990002", EnterpriseVi = "Hợp tác xã Mây tre Thử", EnterpriseEn = "", Sector = "handicrafts", ProductVi = "Giỏ mây thử nghiệm", ProductEn = "" },
        ]);

        AssertSucceeded(report);
        Assert.Equal(3, report.Rows);
        Assert.Equal((0, 1, 0), (report.Cycles.Created, report.Cycles.Updated, report.Cycles.Unchanged));
        Assert.Equal((2, 0), (report.Enterprises.Created, report.Enterprises.Unchanged));
        Assert.Equal((3, 0), (report.Products.Created, report.Products.Unchanged));
        Assert.Equal((3, 0, 0), (report.Awards.Created, report.Awards.Updated, report.Awards.Unchanged));

        var cycle = Registry.Cycle(2026)!;
        Assert.Equal(("5120/QĐ-UBND", new DateOnly(2026, 11, 20), CycleStatus.Recognised), (cycle.DecisionNumber, cycle.DecisionDate, cycle.Status));
        var award = Registry.ByCertificate("TEST-2026-001")!;
        Assert.Equal((2026, true, "mechanical", "Máy cắt thử nghiệm TN-1", "TN-1 test cutting machine"), (award.Year, award.Top10, award.SectorCode, award.ProductName("vi"), award.ProductName("en")));

        var product = (await _engine.Content.GetByKeyAsync(award.ProductKey))!;
        var enterprise = (await _engine.Content.GetByKeyAsync(award.EnterpriseKey))!;
        Assert.Equal("product", product.ContentType);
        Assert.Equal(("Máy cắt thử nghiệm TN-1", "TN-1 test cutting machine"), (product.Variant("vi")!.Name, product.Variant("en")!.Name));
        Assert.False(product.IsPublished("vi") || product.IsPublished("en"));
        Assert.Equal(award.EnterpriseKey.ToString(), product.Value("enterprise")!.Value.GetString());
        Assert.Equal(_engine.Snapshot.OfType("sector").Single(s => s.SharedValues["code"].GetString() == "mechanical").Key.ToString(), product.Value("sector")!.Value.GetString());
        Assert.Equal("enterprise", enterprise.ContentType);
        Assert.Equal(("Công ty TNHH Cơ khí Thử Nghiệm", "Test Mechanical Company Limited"), (enterprise.Variant("vi")!.Name, enterprise.Variant("en")!.Name));
        Assert.Equal("0109990001", enterprise.Value("taxCode")!.Value.GetString());
        Assert.False(enterprise.IsPublished("vi") || enterprise.IsPublished("en"));
        Assert.Equal(Registry.ByCertificate("TEST-2026-002")!.EnterpriseKey, award.EnterpriseKey);

        // Without an English name in the decision, the English draft starts from the Vietnamese one, for a translator.
        var untranslated = (await _engine.Content.GetByKeyAsync(Registry.ByCertificate("TEST-2026-003")!.ProductKey))!;
        Assert.Equal(("Giỏ mây thử nghiệm", "Giỏ mây thử nghiệm"), (untranslated.Variant("vi")!.Name, untranslated.Variant("en")!.Name));
        Assert.Equal(Clerk, untranslated.CreatedBy);
    }

    [Fact]
    public async Task Import_EnterpriseKnownByTaxCode_AndProductKnownByName_AreMatchedNotDuplicated()
    {
        var seeded = Registry.ByCertificate("SPCNCL-2023-002")!;
        var documentsBefore = _engine.Snapshot.OfType("product").Count() + _engine.Snapshot.OfType("enterprise").Count();

        // Re-certified in 2026 under the same name written without accents and in capitals: the same product.
        var report = await ImportCsvAsync(
        [
            new DecisionLine { Certificate = "TEST-2026-101", TaxCode = seeded.Record.EnterpriseTaxCode, EnterpriseVi = seeded.Record.EnterpriseNameVi, ProductVi = ProductCatalogue.Fold(seeded.Record.ProductNameVi).ToUpperInvariant() },
            new DecisionLine { Certificate = "TEST-2026-102", TaxCode = seeded.Record.EnterpriseTaxCode, EnterpriseVi = seeded.Record.EnterpriseNameVi, ProductVi = "Sản phẩm mới của doanh nghiệp cũ" },
        ]);

        AssertSucceeded(report);
        Assert.Equal((0, 1), (report.Enterprises.Created, report.Enterprises.Unchanged));
        Assert.Equal((1, 1), (report.Products.Created, report.Products.Unchanged));
        Assert.Equal(seeded.ProductKey, Registry.ByCertificate("TEST-2026-101")!.ProductKey);
        Assert.Equal(seeded.EnterpriseKey, Registry.ByCertificate("TEST-2026-102")!.EnterpriseKey);
        Assert.NotEqual(seeded.ProductKey, Registry.ByCertificate("TEST-2026-102")!.ProductKey);
        await using var db = _engine.Get<SiteDbContextFactory>().CreateDbContext();
        Assert.Equal(documentsBefore + 1, await db.Documents.CountAsync(d => d.ContentType == "product" || d.ContentType == "enterprise"));
    }

    public static TheoryData<string, string[]> HeaderSets() => new()
    {
        { "English, as documented", DecisionFiles.EnglishHeaders },
        { "Vietnamese, the Department's template", DecisionFiles.VietnameseHeaders },
        { "Vietnamese without accents", ["Nam", "So quyet dinh", "Ngay quyet dinh", "So chung nhan", "TOP 10", "Nhom nganh", "MST", "Ten doanh nghiep", "Ten doanh nghiep tieng Anh", "Ten san pham", "Ten san pham tieng Anh"] },
        { "English as people type it", ["Year", "Decision No.", "Decision date", "Certificate No.", "Top 10", "Sector", "Tax code", "Enterprise name", "Enterprise name (English)", "Product name", "Product name (English)"] },
    };

    [Theory]
    [MemberData(nameof(HeaderSets))]
    public async Task Import_HeadersInEitherLanguage_AreAccepted(string description, string[] headers)
    {
        var report = await ImportCsvAsync([DecisionLine.Product(1), DecisionLine.Product(2)], headers: headers);

        AssertSucceeded(report);
        Assert.True(report.Awards.Created == 2, description);
        Assert.Equal("TN-2 test cutting machine", Registry.ByCertificate("TEST-2026-002")!.ProductName("en"));
    }

    [Fact]
    public async Task Import_SemicolonSeparatedCsvWithByteOrderMark_IsRead()
    {
        var file = DecisionFiles.Csv(DecisionLine.Table([DecisionLine.Product(1)], DecisionFiles.VietnameseHeaders), delimiter: ';', byteOrderMark: true);

        var report = await ImportAsync(file, "quyet-dinh.csv");

        AssertSucceeded(report);
        Assert.NotNull(Registry.ByCertificate("TEST-2026-001"));
    }

    [Fact]
    public async Task Import_Xlsx_ReadsNumbersDatesAndFlagsAsExcelStoresThem()
    {
        var decisionDate = new DateTime(2026, 11, 20).ToOADate();
        object?[] Row(int n, object top10) =>
            [2026, "5120/QĐ-UBND", decisionDate, $"TEST-2026-{n:000}", top10, "Cơ khí, chế tạo", "0109990001", "Công ty TNHH Cơ khí Thử Nghiệm", null, $"Máy cắt thử nghiệm TN-{n}", null];

        var report = await ImportAsync(DecisionFiles.Xlsx([DecisionFiles.VietnameseHeaders, Row(1, true), Row(2, "không"), Row(3, 1)]), "quyet-dinh-2026.xlsx");

        AssertSucceeded(report);
        Assert.Equal(3, report.Awards.Created);
        Assert.Equal(new DateOnly(2026, 11, 20), Registry.Cycle(2026)!.DecisionDate);
        Assert.Equal([true, false, true], [.. new[] { 1, 2, 3 }.Select(n => Registry.ByCertificate($"TEST-2026-{n:000}")!.Top10)]);
        Assert.All(Registry.ForYear(2026), a => Assert.Equal("mechanical", a.SectorCode));
    }

    [Fact]
    public async Task Import_TheSameFileTwice_ChangesNothingTheSecondTime()
    {
        var file = DecisionFiles.Csv(DecisionLine.Table([DecisionLine.Product(1) with { Top10 = "x" }, DecisionLine.Product(2), DecisionLine.Product(3, taxCode: "0109990002")]));
        AssertSucceeded(await ImportAsync(file, "decision-2026.csv"));
        var stored = await StoredAsync();
        var generation = Registry.Generation;

        var again = await ImportAsync(file, "decision-2026.csv");

        AssertSucceeded(again);
        Assert.Equal((0, 0, 1), (again.Cycles.Created, again.Cycles.Updated, again.Cycles.Unchanged));
        Assert.Equal((0, 2), (again.Enterprises.Created, again.Enterprises.Unchanged));
        Assert.Equal((0, 3), (again.Products.Created, again.Products.Unchanged));
        Assert.Equal((0, 0, 3), (again.Awards.Created, again.Awards.Updated, again.Awards.Unchanged));
        Assert.Equal(stored, await StoredAsync());
        Assert.Equal(generation, Registry.Generation);
    }

    [Fact]
    public async Task DryRun_ReportsWhatWouldBeCreatedUpdatedAndUnchanged_AndWritesNothing()
    {
        AssertSucceeded(await ImportCsvAsync([DecisionLine.Product(1), DecisionLine.Product(2)]));
        var stored = await StoredAsync();

        var report = await ImportCsvAsync([DecisionLine.Product(1), DecisionLine.Product(2) with { Top10 = "x" }, DecisionLine.Product(3)], dryRun: true);

        AssertSucceeded(report);
        Assert.True(report.DryRun);
        Assert.Equal((1, 1, 1), (report.Awards.Created, report.Awards.Updated, report.Awards.Unchanged));
        Assert.Equal((1, 2), (report.Products.Created, report.Products.Unchanged));
        Assert.Equal(1, report.Cycles.Unchanged);
        Assert.Equal(stored, await StoredAsync());
        Assert.Null(Registry.ByCertificate("TEST-2026-003"));
        Assert.False(Registry.ByCertificate("TEST-2026-002")!.Top10);
    }

    /// <summary>Each kind of bad row: the change to a good row, the column as the file names it, and the reason given.</summary>
    public static TheoryData<string, DecisionLine, string, string, string> BadRows() => new()
    {
        { "year not a number", DecisionLine.Product(2) with { Year = "2O26" }, "year", "2O26", "must be a year from 2018" },
        { "year before the programme", DecisionLine.Product(2) with { Year = "2017", DecisionDate = "20/11/2017" }, "year", "2017", "must be a year from 2018" },
        { "date that does not exist", DecisionLine.Product(2) with { DecisionDate = "31/02/2026" }, "decision_date", "31/02/2026", "is not a date" },
        { "date in words", DecisionLine.Product(2) with { DecisionDate = "20 tháng 11" }, "decision_date", "20 tháng 11", "is not a date" },
        { "decision dated years after its cycle", DecisionLine.Product(2) with { DecisionDate = "20/11/2029" }, "decision_date", "20/11/2029", "must be dated 2026" },
        { "missing certificate number", DecisionLine.Product(2) with { Certificate = "" }, "certificate_number", "", "is required" },
        { "certificate number with spaces", DecisionLine.Product(2) with { Certificate = "TEST 2026#2" }, "certificate_number", "TEST 2026#2", "may hold only letters, digits" },
        { "certificate number with an empty part", DecisionLine.Product(2) with { Certificate = "123//GCN-SCT" }, "certificate_number", "123//GCN-SCT", "with / between parts" },
        { "certificate number ending in a slash", DecisionLine.Product(2) with { Certificate = "123/GCN-SCT/" }, "certificate_number", "123/GCN-SCT/", "with / between parts" },
        { "certificate number with a dot-dot part", DecisionLine.Product(2) with { Certificate = "123/../GCN" }, "certificate_number", "123/../GCN", "with / between parts" },
        { "tax code too short", DecisionLine.Product(2) with { TaxCode = "01099900" }, "tax_code", "01099900", "must be 10 digits" },
        { "tax code with letters", DecisionLine.Product(2) with { TaxCode = "01099900AB" }, "tax_code", "01099900AB", "must be 10 digits" },
        { "missing tax code", DecisionLine.Product(2) with { TaxCode = "" }, "tax_code", "", "is required" },
        { "unknown sector", DecisionLine.Product(2) with { Sector = "aerospace" }, "sector", "aerospace", "is not a sector; use one of " },
        { "top 10 neither yes nor no", DecisionLine.Product(2) with { Top10 = "maybe" }, "top10", "maybe", "must be yes or no" },
        { "missing product name", DecisionLine.Product(2) with { ProductVi = "" }, "product_name_vi", "", "is required" },
        { "product name too long", DecisionLine.Product(2) with { ProductVi = new string('m', 401) }, "product_name_vi", new string('m', 60) + "…", "at most 400" },
        { "second decision for the same year", DecisionLine.Product(2) with { DecisionNumber = "9999/QĐ-UBND" }, "decision_number", "9999/QĐ-UBND", "one year has one decision" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task Import_BadRow_IsReportedWithRowColumnValueAndReason_AndNothingIsWritten(string problem, DecisionLine bad, string column, string value, string reason)
    {
        var stored = await StoredAsync();

        var report = await ImportCsvAsync([DecisionLine.Product(1), bad, DecisionLine.Product(3)]);

        Assert.False(report.Committed, problem);
        var error = Assert.Single(report.Errors);
        Assert.Equal((3, column, value), (error.Row, error.Column, error.Value));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(stored, await StoredAsync());
    }

    [Fact]
    public async Task Import_BadRow_NamesTheColumnAsTheFileHeadsIt()
    {
        var report = await ImportCsvAsync([DecisionLine.Product(1) with { TaxCode = "12345" }], headers: DecisionFiles.VietnameseHeaders);

        var error = Assert.Single(report.Errors);
        Assert.Equal((2, "Mã số thuế", "12345"), (error.Row, error.Column, error.Value));
        Assert.Equal("row 2, Mã số thuế '12345': must be 10 digits, or 10 digits, a hyphen and 3 digits for a branch", error.ToString());
    }

    [Fact]
    public async Task Import_EveryBadRowIsReported_NotOnlyTheFirst()
    {
        var report = await ImportCsvAsync([DecisionLine.Product(1) with { Sector = "space" }, DecisionLine.Product(2), DecisionLine.Product(3) with { Year = "x", TaxCode = "1" }]);

        Assert.Equal([(2, "sector"), (4, "year"), (4, "tax_code")], report.Errors.Select(e => (e.Row, e.Column)));
    }

    [Fact]
    public async Task Import_DuplicateCertificateWithinTheFile_IsReportedOnTheSecondRow()
    {
        var report = await ImportCsvAsync([DecisionLine.Product(1), DecisionLine.Product(2), DecisionLine.Product(3) with { Certificate = "test-2026-001" }]);

        var error = Assert.Single(report.Errors);
        Assert.Equal((4, "certificate_number", "test-2026-001"), (error.Row, error.Column, error.Value));
        Assert.Equal("is already used on row 2", error.Reason);
        Assert.Equal("CertificateRepeated", error.Code);
        Assert.Equal(["2"], error.Args!);
        Assert.Null(Registry.ByCertificate("TEST-2026-002"));
    }

    [Fact]
    public async Task Import_CertificateNumberHeldByAnotherProductInTheRegistry_IsReported()
    {
        var seeded = Registry.ByCertificate("SPCNCL-2023-001")!;
        var stored = await StoredAsync();

        var report = await ImportCsvAsync([DecisionLine.Product(1), DecisionLine.Product(2) with { Certificate = "SPCNCL-2023-001" }]);

        var error = Assert.Single(report.Errors);
        Assert.Equal((3, "certificate_number", "SPCNCL-2023-001"), (error.Row, error.Column, error.Value));
        Assert.Equal($"already belongs to '{seeded.Record.ProductNameVi}' (2023)", error.Reason);
        Assert.Equal(stored, await StoredAsync());
    }

    [Fact]
    public async Task Import_BadRowHalfwayThrough_WritesNothingAtAll()
    {
        var lines = Enumerable.Range(1, 10).Select(n => DecisionLine.Product(n, taxCode: n <= 5 ? "0109990001" : "0109990002")).ToList();
        lines[5] = lines[5] with { Sector = "unknown" };
        var stored = await StoredAsync();
        var generation = Registry.Generation;

        var report = await ImportCsvAsync(lines);

        Assert.False(report.Committed);
        Assert.Equal(7, Assert.Single(report.Errors).Row);
        Assert.Equal(stored, await StoredAsync());
        Assert.Equal(generation, Registry.Generation);
        Assert.Empty(Registry.ForYear(2026));
        Assert.Equal(CycleStatus.PublicDisclosure, Registry.Cycle(2026)!.Status);
    }

    [Fact]
    public async Task Import_MissingColumns_AreNamedInBothLanguages_WithTheHeadersNotRecognised()
    {
        string[] headers = [.. DecisionFiles.EnglishHeaders.Select(h => h == "tax_code" ? "MST doanh nghiệp" : h).Where(h => h != "sector")];
        var rows = DecisionLine.Table([DecisionLine.Product(1)], headers).Select((r, i) => i == 0 ? r : r.Where((_, c) => c != 5).ToArray());

        var report = await ImportAsync(DecisionFiles.Csv(rows), "decision-2026.csv");

        Assert.False(report.Committed);
        Assert.Equal("missing columns: sector (Nhóm ngành), tax_code (Mã số thuế); these headers were not recognised: 'MST doanh nghiệp'", report.FileError);
        Assert.Equal("MissingColumnsAndUnknownHeaders", report.FileProblem!.Code);
        Assert.Equal(["sector (Nhóm ngành), tax_code (Mã số thuế)", "Nhóm ngành (sector), Mã số thuế (tax_code)", "'MST doanh nghiệp'"], report.FileProblem.Args);
        Assert.Empty(report.Errors);
    }

    public static TheoryData<string, string> WrongEncodings() => new()
    {
        { "Windows-1252 (Excel's \"CSV\" on a Western PC)", "windows-1252" },
        { "UTF-16 (Excel's \"Unicode text\")", "utf-16" },
    };

    [Theory]
    [MemberData(nameof(WrongEncodings))]
    public async Task Import_CsvNotInUtf8_IsRefusedWithTheLineAndHowToSaveIt(string description, string encodingName)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = Encoding.GetEncoding(encodingName, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        var file = DecisionFiles.Csv(DecisionLine.Table([DecisionLine.Product(1) with { ProductVi = "Ghế gỗ thử" }, DecisionLine.Product(2) with { EnterpriseVi = "Công ty Thử nghiệm Phố Cổ", ProductVi = "Bàn gỗ thử" }]), encoding, byteOrderMark: encodingName == "utf-16");
        var stored = await StoredAsync();

        var report = await ImportAsync(file, "decision-2026.csv");

        Assert.False(report.Committed, description);
        Assert.StartsWith("the file is not UTF-8 (first bad byte on line ", report.FileError, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", report.FileError, StringComparison.Ordinal);
        Assert.Equal(stored, await StoredAsync());
    }

    [Fact]
    public async Task Import_CsvNotInUtf8_NamesTheFirstLineWithABadByte()
    {
        // Line 2 holds only ASCII; "à" on line 3 is the first byte no UTF-8 file would have.
        var ascii = new DecisionLine { DecisionNumber = "5120/QD-UBND", EnterpriseVi = "Cong ty Thu nghiem" };
        var file = DecisionFiles.Csv(DecisionLine.Table([ascii with { ProductVi = "May cat TN-1" }, ascii with { Certificate = "TEST-2026-002", ProductVi = "Bàn TN-2" }]), Encoding.Latin1);

        var report = await ImportAsync(file, "decision-2026.csv");

        Assert.StartsWith("the file is not UTF-8 (first bad byte on line 3)", report.FileError, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], string, string> MalformedFiles()
    {
        var xlsx = DecisionFiles.Xlsx([DecisionFiles.EnglishHeaders, DecisionLine.Product(1).Cells]);
        return new()
        {
            { "a spreadsheet cut off in the middle", xlsx[..(xlsx.Length / 2)], "decision.xlsx", "the file cannot be read as XLSX" },
            { "a CSV renamed .xlsx", DecisionFiles.Csv(DecisionLine.Table([DecisionLine.Product(1)])), "decision.xlsx", "the file cannot be read as XLSX" },
            { "random bytes", [.. Enumerable.Range(0, 2000).Select(i => (byte)(i * 7919 % 251))], "decision.xlsx", "the file cannot be read as XLSX" },
            { "an old Excel file", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "decision.xls", "'.xls' files cannot be imported: use CSV (UTF-8) or XLSX" },
            { "an empty file", [], "decision.csv", "the file is empty" },
            { "headers only", Encoding.UTF8.GetBytes(string.Join(',', DecisionFiles.EnglishHeaders) + "\r\n"), "decision.csv", "the file has a header but no rows" },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public async Task Import_MalformedFile_IsRefusedWithAReason_NeverAnException(string description, byte[] file, string fileName, string reason)
    {
        var stored = await StoredAsync();

        var report = await ImportAsync(file, fileName);

        Assert.False(report.Committed, description);
        Assert.StartsWith(reason, report.FileError, StringComparison.Ordinal);
        Assert.Equal(stored, await StoredAsync());
    }

    [Fact]
    public async Task Import_MoreThanTenTop10InAYear_IsRefused()
    {
        var lines = Enumerable.Range(1, 11).Select(n => DecisionLine.Product(n) with { Top10 = "x" });

        var report = await ImportCsvAsync(lines);

        var error = Assert.Single(report.Errors);
        Assert.Equal((12, "top10"), (error.Row, error.Column));
        Assert.Equal("2026 would have 11 Top 10 products; there are at most 10", error.Reason);
        Assert.Equal("TooManyTop10", error.Code);
        Assert.Equal(["2026", "11", "10"], error.Args!);
    }

    [Fact]
    public async Task Import_SecondDecisionForAYear_GivesTheFirstDecisionsDateInvariantly_ForTheBackOfficeToWriteInItsLanguage()
    {
        var report = await ImportCsvAsync([DecisionLine.Product(1), DecisionLine.Product(2) with { DecisionDate = "21/11/2026" }]);

        var error = Assert.Single(report.Errors);
        Assert.Equal("row 2 gives 5120/QĐ-UBND of 20/11/2026 for 2026: one year has one decision", error.Reason);
        Assert.Equal("OneDecisionPerYear", error.Code);
        Assert.Equal(["2", "5120/QĐ-UBND", "2026-11-20", "2026"], error.Args!);
    }

    [Fact]
    public void EveryImportReason_HasItsCodeListed()
    {
        // The back office shows a reason from the dictionary key of its code; the dictionary test checks the listed codes.
        var flags = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static;
        var members = typeof(ImportReason).GetProperties(flags).Where(p => p.PropertyType == typeof(ImportReason)).Select(p => p.Name)
            .Concat(typeof(ImportReason).GetMethods(flags).Where(m => m.ReturnType == typeof(ImportReason) && !m.IsSpecialName).Select(m => m.Name));

        Assert.All(members, name => Assert.Contains(name, ImportReason.Codes));
        Assert.Equal(ImportReason.Codes.Count, ImportReason.Codes.Distinct().Count());
    }

    [Fact]
    public async Task Import_CorrectedRow_UpdatesTheAwardInPlace()
    {
        AssertSucceeded(await ImportCsvAsync([DecisionLine.Product(1), DecisionLine.Product(2)]));
        var before = Registry.ByCertificate("TEST-2026-002")!;

        var report = await ImportCsvAsync([DecisionLine.Product(1), DecisionLine.Product(2) with { Top10 = "có", ProductEn = "TN-2 cutting machine" }]);

        AssertSucceeded(report);
        Assert.Equal((0, 1, 1), (report.Awards.Created, report.Awards.Updated, report.Awards.Unchanged));
        var after = Registry.ByCertificate("TEST-2026-002")!;
        Assert.Equal((before.Record.Id, true, "TN-2 cutting machine"), (after.Record.Id, after.Top10, after.ProductName("en")));
    }

    [Fact]
    public async Task Import_ChangesReachTheRegistryInMemory_WithoutARestart()
    {
        var before = Registry.Generation;

        AssertSucceeded(await ImportCsvAsync([DecisionLine.Product(1)]));

        Assert.True(Registry.Generation > before);
        Assert.Equal(Registry.ByCertificate("TEST-2026-001")!.ProductKey, Assert.Single(Registry.ForYear(2026)).ProductKey);
        await using var db = _engine.Get<SiteDbContextFactory>().CreateDbContext();
        Assert.True(await _engine.Get<AwardRegistry>().MatchesDatabaseAsync(db, default));
    }

    [Fact]
    public async Task ImportedDraft_CanBeSavedByATranslatorAsItIs()
    {
        AssertSucceeded(await ImportCsvAsync([DecisionLine.Product(1)]));
        var product = (await _engine.Content.GetByKeyAsync(Registry.ByCertificate("TEST-2026-001")!.ProductKey))!;

        // A translator can open the draft and save it as it is: the imported values pass the document type's validation.
        var saved = await _engine.Content.SaveAsync(new Spcncl.Content.Documents.SaveDocumentRequest(product.Id, product.Revision, ContentValues.Cultures(("en", new("TN-1 test cutter")))), "translator");

        Assert.True(saved.Succeeded, saved.ToString());
        Assert.Equal(JsonValueKind.String, saved.Value!.Value("enterprise")!.Value.ValueKind);
    }


    [Fact]
    public async Task Xlsx_NumericTaxCode_GetsBackTheLeadingZeroExcelDropped()
    {
        var seeded = Registry.ByCertificate("SPCNCL-2018-001")!;
        Assert.StartsWith("0", seeded.Record.EnterpriseTaxCode, StringComparison.Ordinal);
        object?[] Row(DecisionLine line, long taxCode) => [.. line.Cells.Select((cell, i) => i == 6 ? taxCode : (object?)cell)];

        var report = await ImportAsync(
            DecisionFiles.Xlsx([DecisionFiles.EnglishHeaders, Row(DecisionLine.Product(1), 109990001), Row(DecisionLine.Product(2) with { EnterpriseVi = seeded.Record.EnterpriseNameVi }, long.Parse(seeded.Record.EnterpriseTaxCode, System.Globalization.CultureInfo.InvariantCulture))]),
            "decision-2026.xlsx");

        AssertSucceeded(report);
        Assert.Equal((1, 1), (report.Enterprises.Created, report.Enterprises.Unchanged));
        Assert.Equal("0109990001", Registry.ByCertificate("TEST-2026-001")!.Record.EnterpriseTaxCode);
        Assert.Equal(seeded.EnterpriseKey, Registry.ByCertificate("TEST-2026-002")!.EnterpriseKey);
        var enterprise = (await _engine.Content.GetByKeyAsync(Registry.ByCertificate("TEST-2026-001")!.EnterpriseKey))!;
        Assert.Equal("0109990001", enterprise.Value("taxCode")!.Value.GetString());
    }

    [Fact]
    public async Task Xlsx_TitleRowsAboveTheHeader_AreSkipped_AndRowsKeepTheirSheetNumbers()
    {
        object?[] title = ["DANH SÁCH SẢN PHẨM CÔNG NGHIỆP CHỦ LỰC THÀNH PHỐ HÀ NỘI NĂM 2026"];
        object?[] subtitle = [null, "(Kèm theo Quyết định số 5120/QĐ-UBND ngày 20/11/2026 của UBND Thành phố)"];
        var file = DecisionFiles.Xlsx([title, subtitle, [], DecisionFiles.VietnameseHeaders, DecisionLine.Product(1).Cells, DecisionLine.Product(2).Cells]);
        var bad = DecisionFiles.Xlsx([title, DecisionFiles.VietnameseHeaders, DecisionLine.Product(1).Cells, (DecisionLine.Product(2) with { Sector = "?" }).Cells]);

        var report = await ImportAsync(file, "quyet-dinh.xlsx");
        var refused = await ImportAsync(bad, "quyet-dinh.xlsx", dryRun: true);

        AssertSucceeded(report);
        Assert.Equal((2, 2), (report.Rows, report.Awards.Created));
        Assert.Equal((4, "Nhóm ngành", "?"), refused.Errors.Select(e => (e.Row, e.Column, e.Value)).Single());
    }

    [Fact]
    public async Task Csv_TitleLineAboveTheHeader_IsSkipped()
    {
        var file = DecisionFiles.Csv([["Danh sách sản phẩm công nghiệp chủ lực năm 2026", "", ""], .. DecisionLine.Table([DecisionLine.Product(1), DecisionLine.Product(2) with { TaxCode = "x" }], DecisionFiles.VietnameseHeaders)]);

        var report = await ImportAsync(file, "quyet-dinh.csv", dryRun: true);

        Assert.Equal((4, "Mã số thuế"), report.Errors.Select(e => (e.Row, e.Column)).Single());
    }

    [Fact]
    public async Task Reimport_AfterAnEditorRenamedTheProduct_KeepsTheAwardOnThatProduct_AndCreatesNoDuplicate()
    {
        var file = DecisionFiles.Csv(DecisionLine.Table([DecisionLine.Product(1), DecisionLine.Product(2)]));
        AssertSucceeded(await ImportAsync(file, "decision-2026.csv"));
        var award = Registry.ByCertificate("TEST-2026-001")!;
        var product = (await _engine.Content.GetByKeyAsync(award.ProductKey))!;
        ContentValues.Ok(await _engine.Content.SaveAsync(new Spcncl.Content.Documents.SaveDocumentRequest(product.Id, product.Revision, ContentValues.Cultures(("vi", new("Máy cắt laser TN-1 thế hệ mới")))), "editor"));
        var stored = await StoredAsync();

        var report = await ImportAsync(file, "decision-2026.csv");

        AssertSucceeded(report);
        Assert.Equal((0, 2), (report.Products.Created, report.Products.Unchanged));
        Assert.Equal((0, 0, 2), (report.Awards.Created, report.Awards.Updated, report.Awards.Unchanged));
        Assert.Equal(award.ProductKey, Registry.ByCertificate("TEST-2026-001")!.ProductKey);
        Assert.Equal(stored, await StoredAsync());
    }

    [Fact]
    public async Task Recertification_OfARenamedProduct_UnderItsRecognisedName_IsTheSameProduct()
    {
        AssertSucceeded(await ImportCsvAsync([DecisionLine.Product(1)]));
        var award = Registry.ByCertificate("TEST-2026-001")!;
        var product = (await _engine.Content.GetByKeyAsync(award.ProductKey))!;
        ContentValues.Ok(await _engine.Content.SaveAsync(new Spcncl.Content.Documents.SaveDocumentRequest(product.Id, product.Revision, ContentValues.Cultures(("vi", new("Máy cắt laser TN-1 thế hệ mới")))), "editor"));

        var report = await ImportCsvAsync([DecisionLine.Product(1) with { Year = "2027", DecisionNumber = "100/QĐ-UBND", DecisionDate = "15/01/2027", Certificate = "TEST-2027-001" }]);

        AssertSucceeded(report);
        Assert.Equal((0, 1), (report.Products.Created, report.Products.Unchanged));
        var recertified = Registry.ByCertificate("TEST-2027-001")!;
        Assert.Equal(award.ProductKey, recertified.ProductKey);
        Assert.False(recertified.FirstTime);
    }

    [Fact]
    public async Task Import_NewCertificateForAProductAlreadyRecognisedThatYear_IsABadRow_NotACrash()
    {
        AssertSucceeded(await ImportCsvAsync([DecisionLine.Product(1), DecisionLine.Product(2)]));
        var stored = await StoredAsync();

        var report = await ImportCsvAsync([DecisionLine.Product(1) with { Certificate = "TEST-2026-901" }, DecisionLine.Product(2)]);

        Assert.False(report.Committed);
        var error = Assert.Single(report.Errors);
        Assert.Equal((2, "certificate_number", "TEST-2026-901"), (error.Row, error.Column, error.Value));
        Assert.Equal("'Máy cắt thử nghiệm TN-1' already has certificate TEST-2026-001 for 2026; a product is recognised once a year", error.Reason);
        Assert.Equal(stored, await StoredAsync());
    }

    [Fact]
    public async Task Import_TwoRowsForOneProductInOneYear_UnderItsOldAndNewNames_IsABadRow()
    {
        AssertSucceeded(await ImportCsvAsync([DecisionLine.Product(1)]));
        var product = (await _engine.Content.GetByKeyAsync(Registry.ByCertificate("TEST-2026-001")!.ProductKey))!;
        ContentValues.Ok(await _engine.Content.SaveAsync(new Spcncl.Content.Documents.SaveDocumentRequest(product.Id, product.Revision, ContentValues.Cultures(("vi", new("Máy cắt laser TN-1")))), "editor"));

        var report = await ImportCsvAsync([DecisionLine.Product(1), DecisionLine.Product(1) with { Certificate = "TEST-2026-902", ProductVi = "Máy cắt laser TN-1" }]);

        var error = Assert.Single(report.Errors);
        Assert.Equal((3, "product_name_vi"), (error.Row, error.Column));
        Assert.Equal("the same product of the same enterprise is already on row 2 for 2026", error.Reason);
    }

    [Fact]
    public async Task DryRun_WithBadRows_ReportsTheCountsOfTheGoodRows_AndEveryBadRow()
    {
        var stored = await StoredAsync();

        var report = await ImportCsvAsync(
            [DecisionLine.Product(1), DecisionLine.Product(2) with { Sector = "space" }, DecisionLine.Product(3), DecisionLine.Product(4) with { TaxCode = "123" }],
            dryRun: true);

        Assert.False(report.Committed);
        Assert.Equal([(3, "sector"), (5, "tax_code")], report.Errors.Select(e => (e.Row, e.Column)));
        Assert.Equal((0, 1), (report.Cycles.Created, report.Cycles.Updated));
        Assert.Equal(1, report.Enterprises.Created);
        Assert.Equal(2, report.Products.Created);
        Assert.Equal((2, 0, 0), (report.Awards.Created, report.Awards.Updated, report.Awards.Unchanged));
        Assert.Equal(stored, await StoredAsync());
    }

    [Fact]
    public async Task Import_WithBadRows_ReportsWhatTheGoodRowsWouldDo_AndWritesNothing()
    {
        AssertSucceeded(await ImportCsvAsync([DecisionLine.Product(1)]));
        var stored = await StoredAsync();

        var report = await ImportCsvAsync([DecisionLine.Product(1), DecisionLine.Product(2), DecisionLine.Product(3) with { Year = "20266" }]);

        Assert.False(report.Committed);
        Assert.Equal(4, Assert.Single(report.Errors).Row);
        Assert.Equal((1, 1), (report.Awards.Created, report.Awards.Unchanged));
        Assert.Equal(stored, await StoredAsync());
    }
}
