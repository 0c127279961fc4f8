using System.Globalization;
using Spcncl.Content.DocumentTypes;
using Spcncl.Localization;

namespace Spcncl.Bench.Generation;

/// <summary>
/// Generates the programme at any size, the same every time for the same sizes and seed: enterprises with bilingual
/// names, profiles and contacts across the 8 sectors; their products named like the demo seed's, with summaries,
/// Markdown descriptions and specifications in both languages; and the years each product was recognised (2018–2025,
/// re-certified every three years for some). Products are streamed, so 100,000 of them never sit in memory at once.
/// </summary>
public sealed class ProgrammeGenerator
{
    public const int DefaultSeed = 2018;
    public const int FirstYear = 2018;
    public const int LastYear = 2025;

    /// <summary>Products per sector in the programme's 2022 grouping (reference/programme.md): the share each sector gets.</summary>
    private static readonly IReadOnlyDictionary<string, int> SectorWeights = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["mechanical"] = 6, ["electrical"] = 4, ["it"] = 5, ["textile"] = 8, ["food"] = 4, ["chemicals"] = 3, ["materials"] = 2, ["handicrafts"] = 1,
    };

    private static readonly Bilingual Origin = Bilingual.Parse("Xuất xứ|Origin");
    private static readonly Bilingual MadeInHanoi = Bilingual.Parse("Hà Nội, Việt Nam|Hanoi, Vietnam");

    private readonly int _seed;
    private readonly EnterpriseChoices _choices;

    /// <param name="enterpriseType">The enterprise document type: areas, export markets and employee bands come from its options.</param>
    public ProgrammeGenerator(int products, int enterprises, DocumentType enterpriseType, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(enterprises, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(products, enterprises);
        ProductCount = products;
        _seed = seed;
        _choices = EnterpriseChoices.From(enterpriseType);
        Enterprises = GenerateEnterprises(enterprises);
    }

    public int ProductCount { get; }

    public IReadOnlyList<GeneratedEnterprise> Enterprises { get; }

    public static SectorWords Sector(string code) => Vocabulary.Sectors.First(s => s.Code == code);

    /// <summary>Every product, in order; each enumeration yields exactly the same products.</summary>
    public IEnumerable<GeneratedProduct> Products()
    {
        var names = new HashSet<(int Enterprise, string Name)>();
        for (var index = 0; index < ProductCount; index++)
        {
            var random = Random(1, index);

            // Every enterprise gets at least one product; the rest are spread at random.
            var enterprise = index < Enterprises.Count ? Enterprises[index] : Enterprises[random.Next(Enterprises.Count)];
            var sector = random.NextDouble() < 0.85 ? Sector(enterprise.SectorCode) : WeightedSector(random);
            var (kind, name) = UniqueName(random, sector, enterprise, names);
            var awardYears = AwardYears(random);
            var use = Pick(random, sector.UsesText);
            var features = Shuffle(random, sector.FeaturesText).Take(3).ToList();
            var specifications = kind.Specs.Select(s => (s.Key, Pick(random, s.Values))).Append((Origin, MadeInHanoi)).ToList();
            var years = string.Join(", ", awardYears);
            yield return new GeneratedProduct(
                index,
                Key(random),
                enterprise,
                sector.Code,
                kind,
                name,
                new($"{name.Vi} của {enterprise.Name.Vi}, {use.Vi}.", $"{name.En} from {enterprise.Name.En}, {use.En}."),
                new(
                    $"{name.Vi} do {enterprise.Name.Vi} nghiên cứu và sản xuất tại {enterprise.AreaLabel}, Hà Nội, {use.Vi}.\n\n{Bullets(features, f => f.Vi)}\n\nSản phẩm được công nhận sản phẩm công nghiệp chủ lực thành phố Hà Nội năm {years}.",
                    $"{name.En} is developed and made in {enterprise.AreaLabel}, Hanoi, by {enterprise.Name.En}, {use.En}.\n\n{Bullets(features, f => f.En)}\n\nRecognised as a Hanoi key industrial product in {years}."),
                specifications,
                awardYears);
        }
    }

    /// <summary>
    /// One decision-list row per award (the first <paramref name="limit"/> in product order), sorted by year, with
    /// certificate numbers that cannot clash with the seed's (SPCNCL-2021-001).
    /// </summary>
    public IReadOnlyList<AwardRow> Awards(int? limit = null)
    {
        var rows = Products()
            .SelectMany(p => p.AwardYears.Select(year => (Year: year, p.Index, p.Enterprise, p.SectorCode, p.Name)))
            .Take(limit ?? int.MaxValue)
            .OrderBy(r => r.Year)
            .ThenBy(r => r.Index)
            .ToList();
        var next = new Dictionary<int, int>();
        return [.. rows.Select(r =>
        {
            var number = next[r.Year] = next.GetValueOrDefault(r.Year, 10_000) + 1;
            return new AwardRow(r.Year, string.Create(CultureInfo.InvariantCulture, $"SPCNCL-{r.Year}-{number}"), r.Enterprise, r.SectorCode, r.Name);
        })];
    }

    private List<GeneratedEnterprise> GenerateEnterprises(int count)
    {
        var random = Random(0, 0);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var enterprises = new List<GeneratedEnterprise>(count);
        for (var index = 0; index < count; index++)
        {
            var sector = WeightedSector(random);
            string distinctive;
            Bilingual tradeName, name;
            do
            {
                var first = Pick(random, Vocabulary.FirstSyllables);
                var second = Pick(random, Vocabulary.SecondSyllables.Where(s => s != first).ToList());
                distinctive = $"{first} {second}";
                var word = Pick(random, sector.EnterpriseWordsText);
                tradeName = new($"{word.Vi} {distinctive}", $"{VietnameseText.FoldAccents(distinctive)} {word.En}");
                name = Pick(random, Vocabulary.CompanyForms).Fill(tradeName);
            }
            while (!taken.Add(name.Vi));

            var brand = VietnameseText.FoldAccents(distinctive).Replace(" ", "", StringComparison.Ordinal);
            var area = Pick(random, _choices.Areas);
            var markets = Shuffle(random, _choices.Markets).Take(random.Next(0, 5)).OrderBy(m => m.Value, StringComparer.Ordinal).ToList();
            var employees = Pick(random, _choices.Employees);
            var certifications = Shuffle(random, Vocabulary.Certifications).Take(random.Next(1, 3)).Order(StringComparer.Ordinal).ToList();
            var founded = random.Next(1988, 2021);
            var site = Pick(random, Vocabulary.Sites);
            var lot = random.Next(1, 120);
            var domain = UrlSegments.FromName(tradeName.Vi) + (index % 7 == 0 ? "-hn" : "");
            string Markets(string culture) => markets.Count == 0 ? "" : string.Join(", ", markets.Select(m => m.Label[culture]));
            var exports = markets.Count == 0
                ? new Bilingual("Phục vụ thị trường trong nước.", "Sells in Vietnam.")
                : new Bilingual($"Xuất khẩu sang {Markets("vi")}.", $"Exports to {Markets("en")}.");
            enterprises.Add(new GeneratedEnterprise(
                index,
                Key(random),
                TaxCode(index),
                name,
                distinctive,
                $"{brand.ToUpperInvariant()} {tradeName.En.Split(' ')[^1].ToUpperInvariant()}",
                brand,
                sector.Code,
                area.Value,
                area.Label["vi"],
                [.. markets.Select(m => m.Value)],
                certifications,
                employees.Value,
                founded,
                new($"Lô {lot}, {site.Vi}, {area.Label["vi"]}, Hà Nội", $"Lot {lot}, {site.En}, {area.Label["en"]}, Hanoi, Vietnam"),
                new(
                    $"Doanh nghiệp sản xuất {sector.ActivityText.Vi} tại {area.Label["vi"]}, Hà Nội, thành lập năm {founded}.",
                    $"Maker of {sector.ActivityText.En} in {area.Label["en"]}, Hanoi, founded in {founded}."),
                new(
                    $"{name.Vi} được thành lập năm {founded}, sản xuất {sector.ActivityText.Vi} tại {area.Label["vi"]}, Hà Nội. Quy mô lao động: {employees.Label["vi"].ToLowerInvariant()}.\n\n## Năng lực\n\n- Dây chuyền sản xuất được đầu tư đồng bộ và kiểm soát chất lượng theo {certifications[0]}.\n- Đội ngũ kỹ thuật tự thiết kế và cải tiến sản phẩm.\n- {exports.Vi}",
                    $"{name.En} was founded in {founded} and makes {sector.ActivityText.En} in {area.Label["en"]}, Hanoi. Employees: {employees.Label["en"]}.\n\n## Capabilities\n\n- Integrated production lines with quality managed to {certifications[0]}.\n- An in-house engineering team that designs and improves its products.\n- {exports.En}"),
                $"https://www.{domain}.example",
                $"sales@{domain}.example",
                string.Create(CultureInfo.InvariantCulture, $"+84 24 3{random.Next(100, 1000)} {random.Next(1000, 10000)}")));
        }

        return enterprises;
    }

    /// <summary>A product name not yet used by the enterprise: another kind or model first, then a newer series ("… II").</summary>
    private static (ProductKind Kind, Bilingual Name) UniqueName(Random random, SectorWords sector, GeneratedEnterprise enterprise, HashSet<(int, string)> taken)
    {
        ProductKind kind = null!;
        Bilingual name = default;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            kind = Pick(random, sector.Kinds);
            var model = kind.ModelText is { } pattern ? pattern.Fill(Pick(random, kind.ModelValuesText)) : (Bilingual?)null;
            name = model is { } m
                ? new($"{kind.NameText.Vi} {enterprise.Brand} {m.Vi}", $"{enterprise.Brand} {kind.NameText.En} {m.En}")
                : new($"{kind.NameText.Vi} {enterprise.Brand}", $"{enterprise.Brand} {kind.NameText.En}");
            if (taken.Add((enterprise.Index, name.Vi)))
            {
                return (kind, name);
            }
        }

        for (var series = 2; ; series++)
        {
            var numeral = ToRoman(series);
            var next = new Bilingual($"{name.Vi} {numeral}", $"{name.En} {numeral}");
            if (taken.Add((enterprise.Index, next.Vi)))
            {
                return (kind, next);
            }
        }
    }

    /// <summary>First recognised in any year; then, for half of them, again when the three-year title runs out, and so on.</summary>
    private static List<int> AwardYears(Random random)
    {
        var years = new List<int> { random.Next(FirstYear, LastYear + 1) };
        while (years[^1] + 3 <= LastYear && random.NextDouble() < 0.5)
        {
            years.Add(years[^1] + 3);
        }

        return years;
    }

    /// <summary>Hanoi's tax codes start 01; 0110 is unused by the seed, and the multiplier (prime to 10⁶) keeps codes distinct.</summary>
    private static string TaxCode(int index) => string.Create(CultureInfo.InvariantCulture, $"0110{(index * 7919L + 104_729) % 1_000_000:000000}");

    private static SectorWords WeightedSector(Random random)
    {
        var ticket = random.Next(SectorWeights.Values.Sum());
        foreach (var sector in Vocabulary.Sectors)
        {
            ticket -= SectorWeights[sector.Code];
            if (ticket < 0)
            {
                return sector;
            }
        }

        return Vocabulary.Sectors[^1];
    }

    /// <summary>A generator per purpose and item, so each product is the same whatever was generated before it.</summary>
    private Random Random(int purpose, int index) => new(unchecked((_seed * 1_000_003) + (purpose * 7_368_787) + index));

    private static Guid Key(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static List<T> Shuffle<T>(Random random, IReadOnlyList<T> items)
    {
        var copy = items.ToArray();
        random.Shuffle(copy);
        return [.. copy];
    }

    private static string Bullets(IEnumerable<Bilingual> features, Func<Bilingual, string> culture) => string.Join("\n", features.Select(f => $"- {culture(f)}."));

    private static string ToRoman(int number) => number switch
    {
        2 => "II",
        3 => "III",
        4 => "IV",
        5 => "V",
        _ => number.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The options an enterprise's profile draws from, as its document type defines them.</summary>
    private sealed record EnterpriseChoices(IReadOnlyList<DropdownOption> Areas, IReadOnlyList<DropdownOption> Markets, IReadOnlyList<DropdownOption> Employees)
    {
        public static EnterpriseChoices From(DocumentType type) =>
            new(type.PropertiesByAlias["area"].Options, type.PropertiesByAlias["exportMarkets"].Options, type.PropertiesByAlias["employees"].Options);
    }
}

/// <param name="DistinctiveName">What sets the name apart from others of its trade ("Thành Nam").</param>
/// <param name="Brand">The distinctive name folded and joined, as products carry it ("ThanhNam").</param>
/// <param name="AreaLabel">The district's name, as written in both languages.</param>
public sealed record GeneratedEnterprise(
    int Index,
    Guid Key,
    string TaxCode,
    Bilingual Name,
    string DistinctiveName,
    string ShortName,
    string Brand,
    string SectorCode,
    string Area,
    string AreaLabel,
    IReadOnlyList<string> Markets,
    IReadOnlyList<string> Certifications,
    string Employees,
    int YearFounded,
    Bilingual Address,
    Bilingual Summary,
    Bilingual Description,
    string Website,
    string BuyerEmail,
    string BuyerPhone);

public sealed record GeneratedProduct(
    int Index,
    Guid Key,
    GeneratedEnterprise Enterprise,
    string SectorCode,
    ProductKind Kind,
    Bilingual Name,
    Bilingual Summary,
    Bilingual Description,
    IReadOnlyList<(Bilingual Key, Bilingual Value)> Specifications,
    IReadOnlyList<int> AwardYears);

/// <summary>One row of a decision list: a product recognised in a year.</summary>
public sealed record AwardRow(int Year, string Certificate, GeneratedEnterprise Enterprise, string SectorCode, Bilingual ProductName);
