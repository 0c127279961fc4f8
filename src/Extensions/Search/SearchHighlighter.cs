using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using System.Text;

namespace Spcncl.Search;

/// <summary>
/// Marks what a search matched in the titles and passages of the hits it shows. Made once per search from the query
/// as the searcher ran it (each fuzzy word already expanded to the indexed terms it stands for), it holds each field's
/// terms, and the beginnings of the word being typed: marking a text is then analysing it once, weighing each word
/// found, and keeping the passages with the most, and the rarest, of the words sought. (Lucene's highlighter expanded
/// every fuzzy and prefix word again for each text, then allocated a token object per word of it: 50 KB for a
/// product's description.)
/// </summary>
internal sealed class SearchHighlighter
{
    private const string Separator = " … ";

    /// <summary>How much of a passage comes before its first marked word.</summary>
    private const int Lead = 30;

    /// <summary>At most this many marked words are weighed when choosing passages (a long article's first ones).</summary>
    private const int MostMatches = 300;

    private readonly IndexReader _reader;
    private readonly Dictionary<string, FieldWords> _fields = new(StringComparer.Ordinal);

    /// <param name="query">The query as built: the beginnings of the word being typed.</param>
    /// <param name="rewritten">The same query rewritten by the searcher: its terms, fuzzy words expanded.</param>
    public SearchHighlighter(Query query, Query rewritten, IndexReader reader)
    {
        _reader = reader;
        AddTerms(rewritten, 1f);
        AddPrefixes(query, 1f);
    }

    /// <summary>The text HTML-encoded (&amp; &lt; &gt; and quotes; Vietnamese letters stay as they are).</summary>
    public static string Encode(string text) => Encode(new StringBuilder(text.Length + 16), text).ToString();

    /// <summary>
    /// The best <paramref name="fragments"/> passages of about <paramref name="fragmentSize"/> characters (0: the whole
    /// text) with the matched words in <c>&lt;mark&gt;</c>, HTML-encoded otherwise, in the order of the text; empty when
    /// none of the words sought is in it.
    /// </summary>
    public string Highlight(string field, string text, int fragmentSize, int fragments)
    {
        if (!_fields.TryGetValue(field, out var words) || text.Length == 0)
        {
            return "";
        }

        var matches = Matches(field, text, words);
        if (matches.Count == 0)
        {
            return "";
        }

        var html = new StringBuilder(fragmentSize == 0 ? text.Length + 32 : (fragmentSize + 32) * fragments);
        if (fragmentSize == 0 || text.Length <= fragmentSize)
        {
            Render(html, text, 0, text.Length, matches);
            return html.ToString();
        }

        var passages = Passages(text, matches, fragmentSize, fragments);
        foreach (var (from, to) in passages)
        {
            if (html.Length > 0)
            {
                html.Append(Separator);
            }

            Render(html, text, from, to, matches);
        }

        return html.ToString();
    }

    /// <summary>The words of <paramref name="text"/> that are sought, in order, each once (a Vietnamese word's written and folded forms are one).</summary>
    private static List<Match> Matches(string field, string text, FieldWords words)
    {
        var matches = new List<Match>();
        using var stream = SearchAnalysis.PerField.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var weight = words.Weight(term.Buffer.AsSpan(0, term.Length));
            var (start, end) = (offset.StartOffset, Math.Min(offset.EndOffset, text.Length));
            if (weight <= 0 || start >= end)
            {
                continue;
            }

            if (matches.Count > 0 && matches[^1].Start == start)
            {
                if (weight > matches[^1].Weight)
                {
                    matches[^1] = new Match(start, end, term.ToString(), weight);
                }

                continue;
            }

            matches.Add(new Match(start, end, term.ToString(), weight));
        }

        stream.End();
        return matches;
    }

    /// <summary>
    /// Up to <paramref name="count"/> passages of about <paramref name="size"/> characters that do not overlap, each
    /// starting at a word a little before a marked one, chosen by the weight of the different words in them; in the order of the text.
    /// </summary>
    private static List<(int From, int To)> Passages(string text, List<Match> matches, int size, int count)
    {
        var candidates = new List<(int From, int To, float Score)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var weighed = Math.Min(matches.Count, MostMatches);
        for (var i = 0; i < weighed; i++)
        {
            var from = WordStart(text, Math.Max(0, matches[i].Start - Lead));
            var to = WordEnd(text, Math.Min(text.Length, from + size), matches[i].End);
            seen.Clear();
            var score = 0f;
            for (var j = i; j < weighed && matches[j].End <= to; j++)
            {
                if (seen.Add(matches[j].Term))
                {
                    score += matches[j].Weight;
                }
            }

            candidates.Add((from, to, score));
        }

        var chosen = new List<(int From, int To)>();
        foreach (var (from, to, _) in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.From))
        {
            if (chosen.Count == count)
            {
                break;
            }

            if (chosen.All(c => to <= c.From || from >= c.To))
            {
                chosen.Add((from, to));
            }
        }

        chosen.Sort((a, b) => a.From.CompareTo(b.From));
        return chosen;
    }

    /// <summary>The start of the word at or after <paramref name="at"/> (the text's start stays the start).</summary>
    private static int WordStart(string text, int at)
    {
        if (at == 0 || char.IsWhiteSpace(text[at - 1]))
        {
            return at;
        }

        var space = text.IndexOf(' ', at);
        return space < 0 ? at : space + 1;
    }

    /// <summary>The end of the last whole word before <paramref name="at"/>, never before <paramref name="atLeast"/>.</summary>
    private static int WordEnd(string text, int at, int atLeast)
    {
        if (at >= text.Length || char.IsWhiteSpace(text[at]) || atLeast >= at)
        {
            return Math.Max(at, atLeast);
        }

        var space = text.LastIndexOf(' ', at - 1, at - atLeast);
        return space < 0 ? Math.Max(at, atLeast) : space;
    }

    /// <summary>Appends text[from..to] HTML-encoded, with the matches inside it in <c>&lt;mark&gt;</c>.</summary>
    private static void Render(StringBuilder html, string text, int from, int to, List<Match> matches)
    {
        var at = from;
        foreach (var match in matches)
        {
            if (match.Start < at)
            {
                continue;
            }

            if (match.End > to)
            {
                break;
            }

            Encode(html, text.AsSpan(at, match.Start - at)).Append("<mark>");
            Encode(html, text.AsSpan(match.Start, match.End - match.Start)).Append("</mark>");
            at = match.End;
        }

        Encode(html, text.AsSpan(at, to - at));
    }

    private static StringBuilder Encode(StringBuilder html, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                '\'' => html.Append("&#39;"),
                _ => html.Append(c),
            };
        }

        return html;
    }

    private readonly record struct Match(int Start, int End, string Term, float Weight);

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
            case WordStartQuery start:
                Field(start.TextField).AddPrefix(start.Start, boost * start.Boost);
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
        public float Weight(ReadOnlySpan<char> term)
        {
            var known = _weights.GetAlternateLookup<ReadOnlySpan<char>>();
            if (known.TryGetValue(term, out var weight))
            {
                return weight;
            }

            var text = term.ToString();
            var boost = _boosts.GetValueOrDefault(text);
            foreach (var (prefix, prefixBoost) in _prefixes)
            {
                if (text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    boost = Math.Max(boost, prefixBoost);
                }
            }

            weight = boost == 0 ? 0 : boost * (float)(Math.Log(reader.MaxDoc / (double)(reader.DocFreq(new Term(field, text)) + 1)) + 1);
            _weights[text] = weight;
            return weight;
        }
    }
}
