using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Spcncl.Search;

/// <summary>
/// How text becomes terms. Vietnamese keeps each word as written and adds its accent-folded form at the same position
/// (đ → d), so "ha noi", "HA NOI" and "Hà Nội" all find "Hà Nội", and the exact spelling, which matches both terms,
/// scores higher. English is folded and stemmed ("cables" finds "cable"). Queries go through the same analyzers as
/// the documents (the mismatch behind Examine's broken accented searches cannot happen here).
/// </summary>
public static class SearchAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The positions left between two values of one field (a summary and a body): more than any phrase's slop.</summary>
    public const int PartGap = 100;

    /// <summary>Vietnamese: the word as written and its folded form.</summary>
    public static Analyzer Vietnamese { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new InvariantLowerCaseFilter(tokenizer);
        stream = new ASCIIFoldingFilter(stream, preserveOriginal: true);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>English: possessives and stop words dropped, folded (Vietnamese names in English text), stemmed.</summary>
    public static Analyzer English { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new InvariantLowerCaseFilter(stream);
        stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new ASCIIFoldingFilter(stream, preserveOriginal: true);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>Words only folded and lower-cased: the vocabulary "did you mean" draws from, and the words of a query.</summary>
    public static Analyzer Plain { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new InvariantLowerCaseFilter(tokenizer);
        stream = new ASCIIFoldingFilter(stream, preserveOriginal: false);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>The beginnings of each word, folded and lower-cased, from one letter to <see cref="SearchFields.LongestStart"/>.</summary>
    public static Analyzer Starts { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new InvariantLowerCaseFilter(tokenizer);
        stream = new ASCIIFoldingFilter(stream, preserveOriginal: false);
        stream = new EdgeNGramTokenFilter(Version, stream, 1, SearchFields.LongestStart);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>The analyzer of a field: word beginnings, per-culture text fields by their culture suffix, everything else plain.</summary>
    public static Analyzer ForField(string field) =>
        SearchFields.IsStarts(field) ? Starts
        : field.EndsWith("_vi", StringComparison.Ordinal) ? Vietnamese
        : field.EndsWith("_en", StringComparison.Ordinal) ? English
        : Plain;

    /// <summary>Every field with its own analyzer, as one analyzer for the index writer and the highlighter.</summary>
    public static Analyzer PerField { get; } = new PerFieldWrapper();

    /// <summary>
    /// The terms of <paramref name="text"/> in <paramref name="field"/>, grouped by position: a Vietnamese word gives
    /// [folded, as written] (the folded form first, as the folding filter emits it; one term when it has no accents);
    /// an English stop word gives nothing.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Terms(string field, string text) => Terms(ForField(field), field, text);

    private static List<List<string>> Terms(Analyzer analyzer, string field, string text)
    {
        var positions = new List<List<string>>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (increment.PositionIncrement > 0 || positions.Count == 0)
            {
                positions.Add([]);
            }

            var value = term.ToString();
            if (!positions[^1].Contains(value, StringComparer.Ordinal))
            {
                positions[^1].Add(value);
            }
        }

        stream.End();
        return positions;
    }

    /// <summary>Lower-cased words with their accents, as typed: each is then analysed for each field.</summary>
    public static Analyzer Words { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(tokenizer, new InvariantLowerCaseFilter(tokenizer));
    });

    /// <summary>The words of a query as a visitor typed them, lower-cased, accents kept, in order.</summary>
    public static IReadOnlyList<string> WordsOf(string text) => [.. Terms(Words, "words", text).Select(p => p[0])];

    private sealed class PerFieldWrapper : AnalyzerWrapper
    {
        public PerFieldWrapper()
            : base(PER_FIELD_REUSE_STRATEGY)
        {
        }

        protected override Analyzer GetWrappedAnalyzer(string fieldName) => ForField(fieldName);

        public override int GetPositionIncrementGap(string fieldName) => PartGap;
    }
}
