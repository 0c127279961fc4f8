using System.Globalization;
using System.Text;
using Spcncl.Search;
using Spcncl.Tests.Fixtures;
using Xunit.Abstractions;

namespace Spcncl.Tests.Search;

/// <summary>
/// The relevance fixture: what buyers and Vietnamese visitors really type (no accents, capitals, typos, plurals,
/// half-typed words, phrases) against the demo catalogue, with the results a person would expect on top. Each query
/// names the pages it should find by a part of their name (in either language); precision@5 counts how many of the
/// first five results are among them (out of five, or out of how many there are). The table is printed by tests/run.sh.
/// </summary>
public sealed class SearchRelevanceTests(ITestOutputHelper output)
{
    /// <summary>(what is typed, the visitor's culture, a part of the name every expected page has)</summary>
    public static readonly (string Query, string Culture, string Expected)[] Fixture =
    [
        // Vietnamese typed without accents, as foreign buyers do
        ("den led", "en", "Đèn LED bulb|Đèn đường LED"),
        ("bang tai cao su", "en", "Băng tải cao su"),
        ("may bien ap", "en", "Máy biến áp"),
        ("may tien cnc", "en", "Máy tiện CNC"),
        ("cau truc dam doi", "en", "Cầu trục dầm đôi"),
        ("hop so giam toc", "en", "Hộp số giảm tốc"),
        ("gach op lat", "vi", "Gạch ốp lát"),
        ("kinh cuong luc", "vi", "Kính cường lực"),
        ("sua tuoi tiet trung", "vi", "Sữa tươi tiệt trùng"),
        ("nuoc uong dong chai", "vi", "Nước uống đóng chai"),
        ("dong phuc hoc sinh", "vi", "Đồng phục học sinh"),
        ("tui xach da", "vi", "Túi xách da thật"),
        ("phan mem quan ly benh vien", "vi", "Phần mềm quản lý bệnh viện"),
        ("hoa don dien tu", "vi", "Hóa đơn điện tử"),
        ("tranh son mai", "vi", "Tranh sơn mài"),
        ("ong nhua upvc", "vi", "Ống nhựa uPVC"),
        // Exact accents and capitals
        ("Đèn LED", "vi", "Đèn LED bulb|Đèn đường LED"),
        ("BĂNG TẢI", "vi", "Băng tải cao su"),
        ("Máy biến áp phân phối", "vi", "Máy biến áp phân phối"),
        ("Chè xanh", "vi", "Chè xanh"),
        ("Sữa chua", "vi", "Sữa chua"),
        ("GIÀY THỂ THAO", "vi", "Giày thể thao"),
        // Mistyped
        ("camara thong minh", "vi", "Camera thông minh"),
        ("transfromer", "en", "distribution transformer"),
        ("yogurt", "en", "yoghurt"),
        ("giay the thoa", "vi", "Giày thể thao"),
        ("centrifgal pump", "en", "centrifugal pump"),
        ("harvestor", "en", "combine harvester"),
        // English plurals and singulars
        ("transformers", "en", "distribution transformer"),
        ("conveyor belt", "en", "conveyor belts"),
        ("sock", "en", "socks"),
        ("lathes", "en", "CNC lathe"),
        ("medical glove", "en", "medical gloves"),
        ("valve", "en", "industrial valves"),
        ("cranes", "en", "overhead crane"),
        ("herbal medicine", "en", "herbal medicines"),
        // Half-typed (the last word is a prefix)
        ("camera thong mi", "vi", "Camera thông minh"),
        ("solar light", "en", "solar lighting"),
        ("combined harv", "en", "combine harvester"),
        ("nen tang hoc tr", "vi", "Nền tảng học trực tuyến"),
        // Phrases and operators that are only text
        ("\"street light\"", "en", "LED street light"),
        ("school uniforms AND", "en", "school uniforms"),
        ("(green tea)", "en", "green tea"),
        // Enterprises by name, with and without accents
        ("cao su nhat minh", "vi", "Cao su Nhật Minh"),
        ("Cao su Nhật Minh", "vi", "Cao su Nhật Minh"),
        ("det may dong a", "en", "Dệt may Đông Á"),
    ];

    [Fact]
    public async Task TheFixtureQueries_FindWhatAPersonExpects()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.Get<SearchIndex>().WhenRebuilt;
        var search = engine.Get<SearchService>();
        var snapshot = engine.Snapshot;

        var table = new StringBuilder();
        table.AppendLine("| Query | Culture | Relevant | P@5 | Top result |").AppendLine("|---|---|---|---|---|");
        var precisions = new List<double>();
        var misses = new List<string>();
        foreach (var (query, culture, expected) in Fixture)
        {
            var parts = expected.Split('|');
            bool Relevant(int documentId) =>
                snapshot.Get(documentId) is { } document
                && document.Variants.Values.Any(v => parts.Any(p => v.Name.Contains(p, StringComparison.OrdinalIgnoreCase)));

            var relevant = snapshot.Documents.Count(d => Relevant(d.Id));
            Assert.True(relevant > 0, $"the fixture expects pages named '{expected}', and the demo data has none");
            var hits = search.Search(new SearchRequest(query, culture, PageSize: 5)).Hits;
            var found = hits.Take(5).Count(h => Relevant(h.DocumentId));
            var precision = (double)found / Math.Min(5, relevant);
            precisions.Add(precision);
            var top = hits.Count > 0 ? snapshot.Get(hits[0].DocumentId)!.Variants[hits[0].TitleCulture].Name : "(nothing)";
            if (hits.Count == 0 || !Relevant(hits[0].DocumentId))
            {
                misses.Add($"'{query}' ({culture}): top result '{top}', expected a page named '{expected}'");
            }

            table.AppendLine(CultureInfo.InvariantCulture, $"| {query.Replace("|", "\\|", StringComparison.Ordinal)} | {culture} | {relevant} | {precision:0.00} | {top} |");
        }

        var mean = precisions.Average();
        table.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Mean precision@5 over {Fixture.Length} queries: {mean:0.000}; top result relevant in {Fixture.Length - misses.Count} of {Fixture.Length}.");
        output.WriteLine(table.ToString());
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "search-relevance.md"), table.ToString());

        Assert.True(Fixture.Length >= 40);
        Assert.True(misses.Count == 0, string.Join(Environment.NewLine, misses));
        Assert.True(mean >= 0.9, $"mean precision@5 is {mean:0.000}, below 0.9:{Environment.NewLine}{table}");
    }
}
