using System.Text;
using Spcncl.Bench.Generation;
using Spcncl.Localization;

namespace Spcncl.Bench.Search;

/// <summary>What a query stands for: how visitors type (issue 4), and what recall is measured on.</summary>
public enum QueryKind
{
    /// <summary>A kind of product typed without accents, as foreign buyers do ("den led", "may bien ap phan phoi").</summary>
    AccentlessVietnamese,

    /// <summary>The same with the maker's name ("den led quang minh").</summary>
    AccentlessVietnameseWithMaker,

    /// <summary>Vietnamese as written ("Máy biến áp phân phối", "Sữa chua Hồng Phúc").</summary>
    Accented,

    /// <summary>English with the plural turned around ("cnc lathes", "medical glove").</summary>
    EnglishPlural,

    /// <summary>One letter swapped or lost in a word of five or more ("transfromer").</summary>
    Typo,

    /// <summary>The last word half-typed ("camera thong mi").</summary>
    Partial,

    /// <summary>English in quotes ("\"street light\"").</summary>
    Phrase,
}

/// <param name="Relevant">The products the query is after (accent-less Vietnamese queries only).</param>
public sealed record BenchQuery(string Text, string Culture, QueryKind Kind, IReadOnlySet<Guid>? Relevant);

/// <summary>A product of the site as relevance sees it: its Vietnamese name and its maker's.</summary>
public sealed record NamedProduct(Guid Key, string Name, string Maker);

/// <summary>
/// The search benchmark's queries, drawn at random (fixed seed) from the generated products: a mix of the ways visitors
/// type, and type-ahead inputs. An accent-less Vietnamese query's relevant products are those, among all the site's
/// (the seed's are named the same way), whose Vietnamese name and maker's name hold every word of the query, accents
/// folded: "den led" is after every "Đèn LED bulb …" and "Đèn đường LED …", "den led quang minh" after those made by a
/// "… Quang Minh" company.
/// </summary>
public sealed class SearchWorkload
{
    private const int Seed = 4;

    private static readonly (QueryKind Kind, int Share)[] Mix =
    [
        (QueryKind.AccentlessVietnamese, 25), (QueryKind.AccentlessVietnameseWithMaker, 15), (QueryKind.Accented, 15),
        (QueryKind.EnglishPlural, 15), (QueryKind.Typo, 10), (QueryKind.Partial, 10), (QueryKind.Phrase, 10),
    ];

    private SearchWorkload(IReadOnlyList<BenchQuery> queries, IReadOnlyList<(string Text, string Culture)> suggestions)
    {
        Queries = queries;
        Suggestions = suggestions;
    }

    public IReadOnlyList<BenchQuery> Queries { get; }

    public IReadOnlyList<(string Text, string Culture)> Suggestions { get; }

    /// <param name="site">Every product of the site, generated or not: where relevant products are looked for.</param>
    public static SearchWorkload Create(ProgrammeGenerator generator, IEnumerable<NamedProduct> site, int queries, int suggestions)
    {
        var products = generator.Products().Select(p => new Candidate(p.Kind, p.Enterprise)).ToList();
        var catalogue = site.Select(p => (p.Key, Words: Words(p.Name).Union(Words(p.Maker)).ToHashSet(StringComparer.Ordinal))).ToList();
        var random = new Random(Seed);
        var list = new List<BenchQuery>(queries);
        for (var i = 0; i < queries; i++)
        {
            var kind = KindAt(i * 100 / queries);
            var product = products[random.Next(products.Count)];
            var (text, culture) = Text(kind, product, random);
            var words = Words(text).ToList();
            var relevant = kind is QueryKind.AccentlessVietnamese or QueryKind.AccentlessVietnameseWithMaker
                ? catalogue.Where(p => words.All(p.Words.Contains)).Select(p => p.Key).ToHashSet()
                : null;
            list.Add(new BenchQuery(text, culture, kind, relevant));
        }

        var typeAhead = new List<(string, string)>(suggestions);
        for (var i = 0; i < suggestions; i++)
        {
            var product = products[random.Next(products.Count)];
            var culture = random.Next(2) == 0 ? "vi" : "en";
            var text = (i % 4) switch
            {
                0 => Prefix(product.Kind.NameText.Vi, random),
                1 => Prefix(Fold(product.Kind.NameText.Vi), random),
                2 => Prefix(product.Kind.NameText.En, random),
                _ => product.Enterprise.Brand[..Math.Min(product.Enterprise.Brand.Length, random.Next(3, 7))].ToLowerInvariant(),
            };
            typeAhead.Add((text, culture));
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return new SearchWorkload(list, typeAhead);
    }

    /// <summary>The kind of the query at a percentile of the list, by the mix's shares.</summary>
    private static QueryKind KindAt(int percent)
    {
        foreach (var (kind, share) in Mix)
        {
            if (percent < share)
            {
                return kind;
            }

            percent -= share;
        }

        return Mix[^1].Kind;
    }

    private static (string Text, string Culture) Text(QueryKind kind, Candidate product, Random random)
    {
        var vi = product.Kind.NameText.Vi;
        var en = product.Kind.NameText.En;
        switch (kind)
        {
            case QueryKind.AccentlessVietnamese:
                var folded = Fold(vi).Split(' ');
                return (folded.Length >= 3 && random.Next(5) < 2 ? string.Join(' ', folded.Take(2)) : Fold(vi), "en");
            case QueryKind.AccentlessVietnameseWithMaker:
                return ($"{Fold(vi)} {Fold(product.Enterprise.DistinctiveName)}", "en");
            case QueryKind.Accented:
                return (random.Next(2) == 0 ? vi : $"{vi} {product.Enterprise.DistinctiveName}", "vi");
            case QueryKind.EnglishPlural:
                var english = en.ToLowerInvariant();
                return (english.EndsWith('s') ? english[..^1] : english + "s", "en");
            case QueryKind.Typo:
                var fromVietnamese = random.Next(2) == 0;
                return (Typo(fromVietnamese ? Fold(vi) : en.ToLowerInvariant(), random), fromVietnamese ? "vi" : "en");
            case QueryKind.Partial:
                var viPartial = random.Next(2) == 0;
                var full = viPartial ? Fold(vi) : en.ToLowerInvariant();
                var last = full.LastIndexOf(' ');
                var cut = last < 0 ? full : full[..(last + 1 + Math.Max(2, (full.Length - last - 1) / 2))];
                return (cut, viPartial ? "vi" : "en");
            default:
                return ($"\"{en.ToLowerInvariant()}\"", "en");
        }
    }

    /// <summary>One letter of a word of five or more swapped with the next, or dropped; the text unchanged when it has none.</summary>
    private static string Typo(string text, Random random)
    {
        var words = text.Split(' ');
        var candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 5).ToList();
        if (candidates.Count == 0)
        {
            return text;
        }

        var index = candidates[random.Next(candidates.Count)];
        var word = new StringBuilder(words[index]);
        var at = random.Next(1, word.Length - 1);
        if (random.Next(2) == 0)
        {
            (word[at], word[at + 1]) = (word[at + 1], word[at]);
        }
        else
        {
            word.Remove(at, 1);
        }

        words[index] = word.ToString();
        return string.Join(' ', words);
    }

    /// <summary>The first words of a name and part of the next, as typed so far ("Máy biến", "distribution tra").</summary>
    private static string Prefix(string name, Random random)
    {
        var words = name.Split(' ');
        var whole = random.Next(0, Math.Max(1, words.Length - 1));
        var next = words[Math.Min(whole, words.Length - 1)];
        var typed = string.Join(' ', words.Take(whole).Append(next[..Math.Min(next.Length, random.Next(1, 5))]));
        return typed.Trim();
    }

    private static string Fold(string text) => VietnameseText.FoldAccents(text).ToLowerInvariant();

    /// <summary>Lower-cased words without accents, punctuation dropped ("Bún, phở khô" → bun, pho, kho).</summary>
    private static IEnumerable<string> Words(string text) =>
        Fold(text).Split([' ', ',', '.', '-', '(', ')', '"', '/'], StringSplitOptions.RemoveEmptyEntries);

    private sealed record Candidate(ProductKind Kind, GeneratedEnterprise Enterprise);
}
