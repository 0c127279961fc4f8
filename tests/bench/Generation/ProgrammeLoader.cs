using System.Diagnostics;
using System.Text.Json;
using Spcncl.Content.Documents;
using Spcncl.Registry.Import;

namespace Spcncl.Bench.Generation;

/// <summary>
/// Puts a generated programme into a site's database the way the importers do: enterprises and products created and
/// published in both cultures through content scopes (<see cref="ContentWriter.CreateManyAsync"/>,
/// <see cref="ContentWriter.PublishManyAsync"/>), a batch per transaction so memory stays bounded; then the awards
/// as one decision list through <see cref="RegistryImporter"/>. Products reuse the seed's images of their sector.
/// </summary>
public sealed class ProgrammeLoader(BenchEngine engine, TextWriter log)
{
    public const int BatchSize = 500;
    private const string User = "bench";
    private static readonly string[] BothCultures = ["vi", "en"];

    public async Task LoadAsync(ProgrammeGenerator generator, string usyncFolder)
    {
        var watch = Stopwatch.StartNew();
        var snapshot = engine.Snapshot;
        var directory = snapshot.OfType("enterpriseDirectory").First().Id;
        var catalogue = snapshot.OfType("productCatalogue").First().Id;
        var sectors = snapshot.OfType("sector").ToDictionary(s => s.SharedValues["code"].GetString()!, s => s.Key, StringComparer.Ordinal);
        var images = snapshot.OfType("product")
            .Where(p => p.SharedValues.ContainsKey("images"))
            .GroupBy(p => snapshot.Get(Guid.Parse(p.SharedValues["sector"].GetString()!))!.SharedValues["code"].GetString()!)
            .ToDictionary(g => g.Key, g => g.SelectMany(p => p.SharedValues["images"].EnumerateArray().Select(i => i.GetString()!)).Distinct().ToList(), StringComparer.Ordinal);

        var enterprises = 0;
        foreach (var batch in generator.Enterprises.Chunk(BatchSize))
        {
            await WriteBatchAsync([.. batch.Select(e => Enterprise(e, directory))]);
            enterprises += batch.Length;
            log.Write($"\r  enterprises {enterprises:N0}/{generator.Enterprises.Count:N0}");
        }

        log.WriteLine();
        var products = 0;
        foreach (var batch in generator.Products().Chunk(BatchSize))
        {
            await WriteBatchAsync([.. batch.Select(p => Product(p, catalogue, sectors[p.SectorCode], images.GetValueOrDefault(p.SectorCode) ?? []))]);
            products += batch.Length;
            log.Write($"\r  products {products:N0}/{generator.ProductCount:N0} ({products / watch.Elapsed.TotalSeconds:N0}/s)");
        }

        log.WriteLine();
        using var awards = new MemoryStream();
        var rows = generator.Awards();
        DecisionListCsv.Write(awards, rows, DecisionListCsv.SeedDecisions(usyncFolder));
        awards.Position = 0;
        var report = await engine.Get<RegistryImporter>().ImportAsync(awards, "generated-awards.csv", dryRun: false, User);
        if (!report.Succeeded)
        {
            throw new InvalidOperationException($"The generated awards were refused: {report.FileError ?? string.Join("; ", report.Errors.Take(5))}");
        }

        log.WriteLine($"  awards {report.Awards.Created:N0} ({report.Products.Unchanged:N0} products matched); loaded in {watch.Elapsed.TotalSeconds:N0} s");
    }

    private async Task WriteBatchAsync(IReadOnlyList<CreateDocumentRequest> requests)
    {
        await using var scope = await engine.Get<ContentService>().BeginScopeAsync();
        var created = await scope.Writer.CreateManyAsync(requests, User, CancellationToken.None);
        Check(created);
        Check(await scope.Writer.PublishManyAsync([.. created.Documents.Select(d => new PublishRequest(d.Id, BothCultures))], User, CancellationToken.None));
        await scope.CompleteAsync();
    }

    private static void Check(BulkCreateResult result)
    {
        if (!result.Succeeded)
        {
            var (index, failure) = result.Failures[0];
            throw new InvalidOperationException($"Generated document {index} of its batch was refused: {string.Join("; ", failure.Errors)}");
        }
    }

    private static CreateDocumentRequest Enterprise(GeneratedEnterprise e, int parentId) => new(
        "enterprise",
        parentId,
        new Dictionary<string, VariantInput>
        {
            ["vi"] = new(e.Name.Vi, Values: Values(("summary", e.Summary.Vi), ("description", e.Description.Vi), ("address", e.Address.Vi))),
            ["en"] = new(e.Name.En, Values: Values(("summary", e.Summary.En), ("description", e.Description.En), ("address", e.Address.En))),
        },
        Values(
            ("shortName", e.ShortName),
            ("taxCode", e.TaxCode),
            ("area", e.Area),
            ("website", e.Website),
            ("buyerEmail", e.BuyerEmail),
            ("buyerPhone", e.BuyerPhone),
            ("yearFounded", e.YearFounded),
            ("employees", e.Employees),
            ("exportMarkets", e.Markets),
            ("certifications", e.Certifications)))
    {
        Key = e.Key,
    };

    private static CreateDocumentRequest Product(GeneratedProduct p, int parentId, Guid sector, IReadOnlyList<string> sectorImages) => new(
        "product",
        parentId,
        new Dictionary<string, VariantInput>
        {
            ["vi"] = new(p.Name.Vi, Values: Values(("summary", p.Summary.Vi), ("description", p.Description.Vi), ("specifications", Specifications(p, s => s.Vi)))),
            ["en"] = new(p.Name.En, Values: Values(("summary", p.Summary.En), ("description", p.Description.En), ("specifications", Specifications(p, s => s.En)))),
        },
        Values(
            ("enterprise", p.Enterprise.Key.ToString()),
            ("sector", sector.ToString()),
            ("images", sectorImages.Count == 0 ? [] : new[] { sectorImages[p.Index % sectorImages.Count] })))
    {
        Key = p.Key,
    };

    private static object[] Specifications(GeneratedProduct p, Func<Bilingual, string> culture) =>
        [.. p.Specifications.Select(s => new { key = culture(s.Key), value = culture(s.Value) })];

    private static Dictionary<string, JsonElement?> Values(params (string Alias, object Value)[] values) =>
        values.ToDictionary(v => v.Alias, v => (JsonElement?)JsonSerializer.SerializeToElement(v.Value), StringComparer.Ordinal);
}
