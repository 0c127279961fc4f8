using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Spcncl.Search;

/// <summary>The fields of the index and how a value set becomes a Lucene document.</summary>
public static class SearchFields
{
    public const string Key = "key";
    public const string Id = "id";
    public const string DocumentType = "doctype";
    public const string Kind = "kind";
    public const string Sector = "sector";
    public const string Year = "year";
    public const string Top10 = "top10";
    public const string Culture = "culture";
    public const string Ancestor = "ancestor";
    public const string Published = "published";

    /// <summary>Folded words of names and summaries in every culture: what "did you mean" proposes.</summary>
    public const string Spell = "spell";

    public const string Name = "name";

    /// <summary>
    /// A page's summary (twice: its words weigh more) and body as one field, indexed, not stored: what a word is looked
    /// for in besides the name. One list of pages per word (not one for summaries and one for bodies) made a common pair
    /// of words' search a third faster. Its parts lie <see cref="SearchAnalysis.PartGap"/> positions apart, so no phrase
    /// runs from one into the next.
    /// </summary>
    public const string Text = "text";

    /// <summary>Stored only, for the snippet (the summary when the body has none of the words).</summary>
    public const string Summary = "summary";

    /// <summary>Stored only, for the snippet.</summary>
    public const string Body = "body";
    public const string Url = "url";
    public const string Fallback = "fallback";

    /// <summary>The longest beginning of a word indexed in <see cref="Starts"/>: a longer half-typed word is looked for term by term.</summary>
    public const int LongestStart = 15;

    private const string StartsSuffix = "starts";

    private const string WrittenPrefix = "written_";

    /// <summary>A per-culture field: <c>name_vi</c>, <c>body_en</c>.</summary>
    public static string In(string field, string culture) => $"{field}_{culture}";

    /// <summary>
    /// The beginnings of the words of a per-culture field, folded (<c>namestarts_vi</c>: "Máy" gives m, ma, may): a
    /// half-typed last word is then one term to look up, not every word it could become. Those of <see cref="Text"/>
    /// are the summary's only (a body's would be most of the index).
    /// </summary>
    public static string Starts(string field, string culture) => $"{field}{StartsSuffix}_{culture}";

    public static bool IsStarts(string field) => field.Contains(StartsSuffix + "_", StringComparison.Ordinal);

    /// <summary>Indexed for matching only: no frequencies, positions or norms, never stored.</summary>
    private static readonly FieldType StartsType = new()
    {
        IsIndexed = true,
        IsTokenized = true,
        IsStored = false,
        OmitNorms = true,
        IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_ONLY,
    };

    /// <summary>1 when the page is written in the culture (not a fallback): sorts the visitor's language first.</summary>
    public static string Written(string culture) => WrittenPrefix + culture;

    /// <summary>Whether a field is one of the <see cref="Written"/> fields, whatever its culture.</summary>
    public static bool IsWritten(string field) => field.StartsWith(WrittenPrefix, StringComparison.Ordinal);

    public static Document ToDocument(ValueSet values, IReadOnlyList<string> cultures)
    {
        var document = new Document
        {
            new StringField(Key, values.Key.ToString("N"), Field.Store.YES),
            new StringField(Id, values.DocumentId.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
            new StringField(DocumentType, values.DocumentType, Field.Store.YES),
            new StringField(Kind, KindValue(values.Kind), Field.Store.YES),
            new SortedDocValuesField(Kind, new BytesRef(KindValue(values.Kind))),
            new StringField(Top10, values.Top10 ? "1" : "0", Field.Store.NO),
            new NumericDocValuesField(Top10, values.Top10 ? 1 : 0),
            new NumericDocValuesField(Published, values.PublishedUtc.Ticks),
        };

        foreach (var sector in values.Sectors)
        {
            document.Add(new StringField(Sector, sector, Field.Store.NO));
            document.Add(new SortedSetDocValuesField(Sector, new BytesRef(sector)));
        }

        foreach (var year in values.AwardYears.Select(y => y.ToString(CultureInfo.InvariantCulture)))
        {
            document.Add(new StringField(Year, year, Field.Store.NO));
            document.Add(new SortedSetDocValuesField(Year, new BytesRef(year)));
        }

        foreach (var ancestor in values.AncestorIds)
        {
            document.Add(new StringField(Ancestor, ancestor.ToString(CultureInfo.InvariantCulture), Field.Store.NO));
        }

        var spell = new List<string>();
        foreach (var culture in cultures)
        {
            var written = values.Cultures.TryGetValue(culture, out var text) && !text.IsFallback;
            document.Add(new NumericDocValuesField(Written(culture), written ? 1 : 0));
            if (written)
            {
                document.Add(new StringField(Culture, culture, Field.Store.NO));
                document.Add(new SortedSetDocValuesField(Culture, new BytesRef(culture)));
            }

            if (text is null)
            {
                continue;
            }

            document.Add(new TextField(In(Name, culture), text.Name, Field.Store.YES));
            document.Add(new Field(Starts(Name, culture), text.Name, StartsType));
            if (!string.IsNullOrEmpty(text.Summary))
            {
                // Twice, so that a word of the summary counts for more than one of the body (name > summary > body).
                document.Add(new TextField(In(Text, culture), text.Summary, Field.Store.NO));
                document.Add(new TextField(In(Text, culture), text.Summary, Field.Store.NO));
                document.Add(new Field(Starts(Text, culture), text.Summary, StartsType));
                document.Add(new StoredField(In(Summary, culture), text.Summary));
            }

            document.Add(new TextField(In(Text, culture), text.Body, Field.Store.NO));
            document.Add(new StoredField(In(Body, culture), text.Body));
            document.Add(new StoredField(In(Url, culture), text.Url));
            document.Add(new StoredField(In(Fallback, culture), text.IsFallback ? 1 : 0));
            if (!text.IsFallback)
            {
                spell.Add(text.Name);
                spell.Add(text.Summary ?? "");
            }
        }

        document.Add(new TextField(Spell, string.Join('\n', spell), Field.Store.NO));
        return document;
    }

    public static string KindValue(SearchKind kind) => kind.ToString().ToLowerInvariant();

    public static SearchKind? ParseKind(string? value) =>
        Enum.TryParse<SearchKind>(value, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(value, out _) ? kind : null;
}
