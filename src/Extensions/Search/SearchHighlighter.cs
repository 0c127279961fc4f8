using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace Spcncl.Search;

/// <summary>
/// Marks what a search matched in the titles and passages of the hits it shows. Made once per search from the query
/// as the searcher ran it (each fuzzy word already expanded to the indexed terms it stands for), it holds each field's
/// terms, and the prefixes of the word being typed: marking a text is then only analysing it. Lucene's
/// <see cref="QueryScorer"/> expands every fuzzy and prefix word again for each text it marks, which was most of the
/// time a search took.
/// </summary>
internal sealed class SearchHighlighter
{
    private const string Separator = " … ";

    private readonly IndexReader _reader;
    private readonly Dictionary<string, FieldWords> _fields = new(StringComparer.Ordinal);
    private readonly SimpleHTMLFormatter _formatter = new("<mark>", "</mark>");

    /// <param name="query">The query as built: its prefixes (rewritten, a common prefix keeps no list of its terms).</param>
    /// <param name="rewritten">The same query rewritten by the searcher: its terms, fuzzy words expanded.</param>
    public SearchHighlighter(Query query, Query rewritten, IndexReader reader)
    {
        _reader = reader;
        AddTerms(rewritten, 1f);
        AddPrefixes(query, 1f);
    }

    public IEncoder Encoder { get; } = new SimpleHTMLEncoder();

    /// <summary>
    /// The best <paramref name="fragments"/> passages of about <paramref name="fragmentSize"/> characters (0: the whole
    /// text) with the matched words in <c>&lt;mark&gt;</c>, HTML-encoded otherwise; empty when none of them is in the text.
    /// </summary>
    public string Highlight(string field, string text, int fragmentSize, int fragments)
    {
        if (!_fields.TryGetValue(field, out var words))
        {
            return "";
        }

        var highlighter = new Highlighter(_formatter, Encoder, new WordScorer(words))
        {
            TextFragmenter = fragmentSize == 0 ? new NullFragmenter() : new SimpleFragmenter(fragmentSize),
        };
        return highlighter.GetBestFragments(SearchAnalysis.PerField.GetTokenStream(field, text), text, fragments, Separator) ?? "";
    }

    private FieldWords Field(string field)
    {
        if (!_fields.TryGetValue(field, out var words))
        {
            words = new FieldWords(field, _reader);
            _fields[field] = words;
        }

        return words;
    }

    private void AddTerms(Query query, float boost)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                {
                    AddTerms(clause.Query, boost * boolean.Boost);
                }

                break;
            case TermQuery term:
                Field(term.Term.Field).AddTerm(term.Term.Text, boost * term.Boost);
                break;
            case PhraseQuery phrase:
                foreach (var term in phrase.GetTerms())
                {
                    Field(term.Field).AddTerm(term.Text, boost * phrase.Boost);
                }

                break;
            case ConstantScoreQuery { Query: { } inner } constant:
                AddTerms(inner, boost * constant.Boost);
                break;
        }
    }

    private void AddPrefixes(Query query, float boost)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                {
                    AddPrefixes(clause.Query, boost * boolean.Boost);
                }

                break;
            case PrefixQuery prefix:
                Field(prefix.Field).AddPrefix(prefix.Prefix.Text, boost * prefix.Boost);
                break;
        }
    }

    /// <summary>
    /// The words of one field with their weights: the query's boost times the term's rarity, as Lucene's scorer weighs
    /// them, so that the passage kept is the one with the most, and the rarest, of the words sought.
    /// </summary>
    private sealed class FieldWords(string field, IndexReader reader)
    {
        private readonly Dictionary<string, float> _boosts = new(StringComparer.Ordinal);
        private readonly List<(string Prefix, float Boost)> _prefixes = [];
        private readonly Dictionary<string, float> _weights = new(StringComparer.Ordinal);

        public void AddTerm(string term, float boost) => _boosts[term] = Math.Max(boost, _boosts.GetValueOrDefault(term));

        public void AddPrefix(string prefix, float boost) => _prefixes.Add((prefix, boost));

        /// <summary>The weight of <paramref name="term"/>, 0 when it is not sought; its rarity looked up once per search.</summary>
        public float Weight(string term)
        {
            if (_weights.TryGetValue(term, out var weight))
            {
                return weight;
            }

            var boost = _boosts.GetValueOrDefault(term);
            foreach (var (prefix, prefixBoost) in _prefixes)
            {
                if (term.StartsWith(prefix, StringComparison.Ordinal))
                {
                    boost = Math.Max(boost, prefixBoost);
                }
            }

            weight = boost == 0 ? 0 : boost * (float)(Math.Log(reader.MaxDoc / (double)(reader.DocFreq(new Term(field, term)) + 1)) + 1);
            _weights[term] = weight;
            return weight;
        }
    }

    /// <summary>Scores each token by its word's weight, and a passage by the sum over the different words in it.</summary>
    private sealed class WordScorer(FieldWords words) : IScorer
    {
        private readonly HashSet<string> _inFragment = new(StringComparer.Ordinal);
        private ICharTermAttribute _term = null!;

        public float FragmentScore { get; private set; }

        public TokenStream? Init(TokenStream tokenStream)
        {
            _term = tokenStream.AddAttribute<ICharTermAttribute>();
            return null;
        }

        public void StartFragment(TextFragment newFragment)
        {
            _inFragment.Clear();
            FragmentScore = 0;
        }

        public float GetTokenScore()
        {
            var term = _term.ToString();
            var weight = words.Weight(term);
            if (weight > 0 && _inFragment.Add(term))
            {
                FragmentScore += weight;
            }

            return weight;
        }
    }
}
