using Spcncl.Registry;
using Spcncl.Registry.Import;
using Spcncl.Tests.Fixtures;

namespace Spcncl.Tests.Registry;

/// <summary>
/// What the registry derives about an award: a title is valid for three years after the decision (configurable)
/// unless the decision says otherwise, and an award is first-time when no earlier year recognised the same product.
/// </summary>
public sealed class AwardValidityTests
{
    private static async Task<RegistrySnapshot> ImportAsync(TestEngine engine, params DecisionLine[] lines)
    {
        var report = await engine.Get<RegistryImporter>().ImportAsync(new MemoryStream(DecisionFiles.Csv(DecisionLine.Table(lines))), "decision.csv", dryRun: false, "clerk");
        Assert.True(report.Committed, $"{report.FileError} {string.Join("; ", report.Errors)}");
        return engine.Get<AwardRegistry>().Current;
    }

    [Fact]
    public async Task Import_WithoutValidUntil_TitleIsValidThroughTheDayBeforeTheThirdAnniversaryOfTheDecision()
    {
        await using var engine = await TestEngine.StartAsync();

        var registry = await ImportAsync(engine, DecisionLine.Product(1) with { DecisionDate = "20/11/2026" });

        Assert.Equal(new DateOnly(2029, 11, 19), registry.ByCertificate("TEST-2026-001")!.ValidUntil);
    }

    [Fact]
    public async Task ValidityYears_IsConfigurable()
    {
        await using var engine = await TestEngine.StartAsync(settings: new Dictionary<string, string?> { [$"{RegistryOptions.SectionName}:ValidityYears"] = "5" });

        var registry = await ImportAsync(engine, DecisionLine.Product(1) with { DecisionDate = "20/11/2026" });

        Assert.Equal(new DateOnly(2031, 11, 19), registry.ByCertificate("TEST-2026-001")!.ValidUntil);
    }

    [Fact]
    public async Task Import_WithValidUntil_KeepsTheDateTheDecisionGives()
    {
        await using var engine = await TestEngine.StartAsync();
        string[] headers = [.. DecisionFiles.EnglishHeaders, "Hiệu lực đến"];
        var file = DecisionFiles.Csv([headers, [.. DecisionLine.Product(1).Cells, "31/12/2028"], [.. DecisionLine.Product(2).Cells, ""]]);

        var report = await engine.Get<RegistryImporter>().ImportAsync(new MemoryStream(file), "decision.csv", dryRun: false, "clerk");

        Assert.True(report.Committed, string.Join("; ", report.Errors));
        var registry = engine.Get<AwardRegistry>().Current;
        Assert.Equal(new DateOnly(2028, 12, 31), registry.ByCertificate("TEST-2026-001")!.ValidUntil);
        Assert.Equal(new DateOnly(2029, 11, 19), registry.ByCertificate("TEST-2026-002")!.ValidUntil);
    }

    [Fact]
    public async Task Import_ValidUntilBeforeTheDecision_IsABadRow()
    {
        await using var engine = await TestEngine.StartAsync();
        string[] headers = [.. DecisionFiles.EnglishHeaders, "valid until"];
        var file = DecisionFiles.Csv([headers, [.. DecisionLine.Product(1).Cells, "01/01/2026"]]);

        var report = await engine.Get<RegistryImporter>().ImportAsync(new MemoryStream(file), "decision.csv", dryRun: false, "clerk");

        var error = Assert.Single(report.Errors);
        Assert.Equal((2, "valid until", "01/01/2026", "is before the decision date"), (error.Row, error.Column, error.Value, error.Reason));
    }

    [Fact]
    public async Task IsValidOn_HoldsThroughTheLastDay_AndNotTheDayAfter()
    {
        await using var engine = await TestEngine.StartAsync();
        var award = (await ImportAsync(engine, DecisionLine.Product(1))).ByCertificate("TEST-2026-001")!;

        Assert.True(award.IsValidOn(new DateOnly(2026, 11, 20)));
        Assert.True(award.IsValidOn(new DateOnly(2029, 11, 19)));
        Assert.False(award.IsValidOn(new DateOnly(2029, 11, 20)));
    }

    [Fact]
    public async Task FirstTime_IsTrueForANewProduct_AndFalseWhenAnEarlierYearRecognisedTheSameProduct()
    {
        await using var engine = await TestEngine.StartAsync();
        var earlier = engine.Get<AwardRegistry>().Current.ByCertificate("SPCNCL-2023-002")!;

        var registry = await ImportAsync(
            engine,
            DecisionLine.Product(1),
            new DecisionLine { Certificate = "TEST-2026-101", TaxCode = earlier.Record.EnterpriseTaxCode, EnterpriseVi = earlier.Record.EnterpriseNameVi, ProductVi = earlier.Record.ProductNameVi, Sector = earlier.SectorCode });

        Assert.True(registry.ByCertificate("TEST-2026-001")!.FirstTime);
        var recertified = registry.ByCertificate("TEST-2026-101")!;
        Assert.Equal(earlier.ProductKey, recertified.ProductKey);
        Assert.False(recertified.FirstTime);
        Assert.Equal(earlier.FirstTime, registry.ByCertificate("SPCNCL-2023-002")!.FirstTime);
    }

    [Fact]
    public async Task FirstTime_IsDerived_SoAnEarlierAwardImportedLaterTakesItOver()
    {
        await using var engine = await TestEngine.StartAsync();
        var registry = await ImportAsync(engine, DecisionLine.Product(1));
        Assert.True(registry.ByCertificate("TEST-2026-001")!.FirstTime);

        // The 2025 decision's list, completed with a product it had left out.
        registry = await ImportAsync(engine, DecisionLine.Product(1) with { Year = "2025", DecisionNumber = "5521/QĐ-UBND", DecisionDate = "07/11/2025", Certificate = "TEST-2025-001" });

        Assert.True(registry.ByCertificate("TEST-2025-001")!.FirstTime);
        Assert.False(registry.ByCertificate("TEST-2026-001")!.FirstTime);
    }

    [Fact]
    public async Task DemoRegistry_EachProductIsFirstTimeOnce_InTheYearItWasFirstRecognised()
    {
        await using var engine = await TestEngine.StartAsync();
        var registry = engine.Get<AwardRegistry>().Current;

        Assert.NotEmpty(registry.Awards);
        Assert.Contains(registry.Awards, a => !a.FirstTime);
        foreach (var product in registry.Awards.GroupBy(a => a.ProductKey))
        {
            var first = Assert.Single(product, a => a.FirstTime);
            Assert.Equal(product.Min(a => a.Year), first.Year);
        }

        var statistics = RegistryStatistics.PerYear(registry);
        Assert.All(statistics, y => Assert.Equal(y.Products, y.FirstTime + y.Recertified));
        Assert.Equal(statistics[0].Products, statistics[0].FirstTime);
    }
}
