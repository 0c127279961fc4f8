using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Spcncl.Localization;

namespace Spcncl.Search;

/// <summary>
/// Answers what visitors type. Plain text only: the words are analysed per field (no query parser, so no syntax can
/// fail); each word must match somewhere (when no page has them all, of three words or more, one may be missing): as
/// written, folded, as a prefix (the last word, while typing) or, a word no name or summary has, within one or two
/// edits (5+ and 9+ letters). Names weigh more than the rest of the text (summary and body), and the words as a phrase
/// more still. Filters and facet counts come from each segment's facet values, in the same pass.
/// </summary>
public sealed class SearchService(SearchIndex index, SiteCultures cultures)
{
    public const int MaxQueryLength = 200;
    public const int MaxWords = 10;
    public const int MaxPageSize = 50;

    /// <summary>How many of the best matches the phrase re-scores (the rest keep the order their words gave them).</summary>
    public const int RescoreWindow = 100;

    private static readonly (string Field, float Boost)[] TextFields = [(SearchFields.Name, 4f), (SearchFields.Text, 3f)];

    /// <summary>Only the key of each match is read back: a whole stored document (the body with it) costs far more, per match.</summary>
    private static readonly ISet<string> KeyOnly = new HashSet<string>(StringComparer.Ordinal) { SearchFields.Key };

    public SearchResults Search(SearchRequest request)
    {
        var text = Clean(request.Text);
        var words = SearchAnalysis.WordsOf(text).Take(MaxWords).ToList();
        using var lease = index.Acquire();
        if (lease is null)
        {
            return SearchResults.Empty(request, indexReady: false);
        }

        if (words.Count == 0)
        {
            return SearchResults.Empty(request, indexReady: true);
        }

        var searcher = lease.Searcher;
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        if (CollectWords(searcher, words, request, request.Page * pageSize) is not var (query, rewritten, collector, relaxed))
        {
            return SearchResults.Empty(request, indexReady: true);
        }

        var pageCount = Math.Max(1, (collector.Total + pageSize - 1) / pageSize);
        var page = Math.Clamp(request.Page, 1, pageCount);
        var highlighter = new SearchHighlighter(query.All, rewritten, searcher.IndexReader);
        var hits = collector.Ranked().Skip((page - 1) * pageSize).Take(pageSize).Select(hit => Hit(searcher, highlighter, hit, request.Culture)).ToList();
        return new SearchResults(
            request,
            hits,
            collector.Total,
            page,
            pageCount,
            collector.Facets,
            collector.Total == 0 || relaxed ? DidYouMean(searcher.IndexReader, words) : null,
            IndexReady: true)
        {
            MissingWords = relaxed,
        };
    }

    /// <summary>Product and enterprise names for the header's type-ahead: the words so far, the last one as a prefix.</summary>
    public IReadOnlyList<Suggestion> Suggest(string? text, string culture, int max = 8)
    {
        var words = SearchAnalysis.WordsOf(Clean(text)).Take(MaxWords).ToList();
        using var lease = index.Acquire();
        if (lease is null || words.Count == 0 || TextQuery(lease.Searcher.IndexReader, words, [(SearchFields.Name, 1f)], prefixOnLast: true, typos: false, shortestPrefix: 1) is not { } query)
        {
            return [];
        }

        var request = new SearchRequest("", culture, Kinds: [SearchKind.Product, SearchKind.Enterprise]);
        var (_, collector) = Collect(lease.Searcher, query, request, max);
        return [.. collector.Ranked().Take(max).Select(hit =>
        {
            var document = lease.Searcher.Doc(hit.Doc);
            var (title, titleCulture, url) = Display(document, culture);
            return new Suggestion(title, titleCulture, SearchFields.ParseKind(document.Get(SearchFields.Kind, CultureInfo.InvariantCulture)) ?? SearchKind.Page, url);
        })];
    }

    /// <summary>The keys of the products matching <paramref name="text"/> with their scores (the catalogue's text filter).</summary>
    public IReadOnlyDictionary<Guid, float>? MatchProducts(string text)
    {
        var words = SearchAnalysis.WordsOf(Clean(text)).Take(MaxWords).ToList();
        using var lease = index.Acquire();
        if (lease is null)
        {
            return null;
        }

        var matches = CollectWords(lease.Searcher, words, new SearchRequest("", cultures.Default.Code, Kinds: [SearchKind.Product]), int.MaxValue / 2);
        return matches?.Collector.Ranked().ToDictionary(hit => Guid.ParseExact(lease.Searcher.Doc(hit.Doc, KeyOnly).Get(SearchFields.Key, CultureInfo.InvariantCulture), "N"), hit => hit.Score)
            ?? new Dictionary<Guid, float>();
    }

    /// <summary>
    /// The pages with every word, or when none has them all (of three words or more), those with all but one
    /// (<c>Relaxed</c>); a null query when the words hold nothing to search for (only punctuation, say).
    /// </summary>
    private (WordsQuery Query, Query Rewritten, FacetingCollector Collector, bool Relaxed)? CollectWords(IndexSearcher searcher, IReadOnlyList<string> words, SearchRequest request, int needed)
    {
        if (TextQuery(searcher.IndexReader, words, TextFields, prefixOnLast: true) is not { } query)
        {
            return null;
        }

        var (rewritten, collector) = Collect(searcher, query, request, needed);
        if (collector.Total == 0 && words.Count >= 3 && TextQuery(searcher.IndexReader, words, TextFields, prefixOnLast: true, missing: 1) is { } partial)
        {
            var relaxed = Collect(searcher, partial, request, needed);
            if (relaxed.Collector.Total > 0)
            {
                return (partial, relaxed.Rewritten, relaxed.Collector, true);
            }
        }

        return (query, rewritten, collector, false);
    }

    /// <summary>
    /// Runs a text query in two passes. Every document with the words is counted into the facets and ranked by how well
    /// its fields match them; then the words as a phrase (and the stop words) add their score to the best
    /// <see cref="RescoreWindow"/> only. Scoring the phrase over every match (a common pair of words in tens of thousands
    /// of pages) was most of a slow search's time, and it only reorders pages that already have every word. The two
    /// weights are normalised together, so a re-scored document scores exactly as the whole query would score it.
    /// </summary>
    /// <returns>The words query as the searcher ran it (fuzzy and prefix words expanded, for the highlighter), and the collector.</returns>
    private static (Query Rewritten, FacetingCollector Collector) Collect(IndexSearcher searcher, WordsQuery query, SearchRequest request, int needed)
    {
        var words = searcher.Rewrite(query.Words);
        var boost = query.Boost is null ? null : searcher.Rewrite(query.Boost);
        var wordsWeight = words.CreateWeight(searcher);
        var boostWeight = boost?.CreateWeight(searcher);
        var norm = searcher.Similarity.QueryNorm(wordsWeight.GetValueForNormalization() + (boostWeight?.GetValueForNormalization() ?? 0f));
        norm = float.IsFinite(norm) ? norm : 1f;
        wordsWeight.Normalize(norm, 1f);
        boostWeight?.Normalize(norm, 1f);

        var collector = new FacetingCollector(request, Math.Max(needed, boostWeight is null ? 0 : RescoreWindow));
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            collector.SetNextReader(leaf);
            wordsWeight.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs)?.Score(collector);
        }

        if (boostWeight is not null)
        {
            collector.Rescore(boostWeight, searcher.IndexReader.Leaves, RescoreWindow);
        }

        return (boost is null ? words : new BooleanQuery(disableCoord: true) { { words, Occur.MUST }, { boost, Occur.SHOULD } }, collector);
    }

    /// <summary>Control characters out, length bounded: 5,000 characters of anything still give an answer.</summary>
    private static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var clean = new string([.. text.Take(MaxQueryLength).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? ' ' : c)]);
        return clean.Trim();
    }

    /// <param name="missing">How many of the words a match may lack: 0 normally, 1 when nothing matched every word.</param>
    private WordsQuery? TextQuery(IndexReader reader, IReadOnlyList<string> words, IReadOnlyList<(string Field, float Boost)> fields, bool prefixOnLast, bool typos = true, int shortestPrefix = 2, int missing = 0)
    {
        // Each word may match as written, folded, as a prefix or with a typo, in any culture's fields. A word that a
        // culture drops as a stop word ("and", "the") is not required: it only helps the ranking, unless every word is one.
        var clauses = new List<(BooleanQuery Query, bool StopWord)>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = new BooleanQuery(disableCoord: true);
            var stopWord = false;
            var mayBeMistyped = typos && MayBeMistyped(reader, words[i]);
            var start = prefixOnLast && i == words.Count - 1 && SearchAnalysis.Terms(SearchFields.Spell, words[i]) is [[var typed, ..], ..] && typed.Length >= shortestPrefix ? typed : null;
            var typoAutomata = new Dictionary<string, FuzzyTermsEnum.LevenshteinAutomataAttribute>(StringComparer.Ordinal);
            foreach (var culture in cultures.Codes)
            {
                foreach (var (name, boost) in fields)
                {
                    var field = SearchFields.In(name, culture);
                    if (SearchAnalysis.Terms(field, words[i]) is not [var variants, ..])
                    {
                        stopWord = true;
                        continue;
                    }

                    foreach (var variant in variants)
                    {
                        word.Add(new TermQuery(new Term(field, variant)) { Boost = boost }, Occur.SHOULD);
                    }

                    var folded = variants[0];
                    if (start is not null)
                    {
                        word.Add(new WordStartQuery(name, culture, start) { Boost = boost * 0.6f }, Occur.SHOULD);
                    }

                    if (mayBeMistyped && folded.Length >= 5)
                    {
                        if (!typoAutomata.TryGetValue(folded, out var automata))
                        {
                            automata = new FuzzyTermsEnum.LevenshteinAutomataAttribute();
                            typoAutomata[folded] = automata;
                        }

                        word.Add(new TypoQuery(new Term(field, folded), automata) { Boost = boost * 0.3f }, Occur.SHOULD);
                    }
                }
            }

            if (word.Clauses.Count > 0)
            {
                clauses.Add((word, stopWord));
            }
        }

        if (clauses.All(c => c.StopWord))
        {
            clauses = [.. clauses.Select(c => (c.Query, false))];
        }

        // Every word required: a conjunction, which skips from match to match (a disjunction that counts how many words
        // each page has, as "all but one" needs, is several times slower, so it is only the fallback).
        var required = clauses.Count(c => !c.StopWord);
        if (required == 0)
        {
            return null;
        }

        var mustMatch = Math.Max(1, required - missing);
        var all = new BooleanQuery(disableCoord: true);
        foreach (var (word, _) in clauses.Where(c => !c.StopWord))
        {
            all.Add(word, mustMatch == required ? Occur.MUST : Occur.SHOULD);
        }

        if (mustMatch < required)
        {
            all.MinimumNumberShouldMatch = mustMatch;
        }

        if (words.Count < 2)
        {
            return new WordsQuery(all, null);
        }

        var rank = new BooleanQuery(disableCoord: true);
        foreach (var (word, _) in clauses.Where(c => c.StopWord))
        {
            rank.Add(word, Occur.SHOULD);
        }

        // The words side by side, in order, weigh most.
        foreach (var culture in cultures.Codes)
        {
            foreach (var (name, fieldBoost) in fields)
            {
                var field = SearchFields.In(name, culture);
                var phrase = new PhraseQuery { Slop = 1, Boost = fieldBoost * 2 };
                var position = 0;
                foreach (var word in words)
                {
                    if (SearchAnalysis.Terms(field, word) is [var variants, ..])
                    {
                        phrase.Add(new Term(field, variants[0]), position);
                    }

                    position++;
                }

                if (phrase.GetTerms().Length >= 2)
                {
                    rank.Add(phrase, Occur.SHOULD);
                }
            }
        }

        return new WordsQuery(all, rank.Clauses.Count > 0 ? rank : null);
    }

    /// <summary>
    /// Whether a word may be a typo, and is worth looking for within an edit or two: one of five letters or more that no
    /// page's name or summary has. A word the site knows is taken as typed; expanding it too (up to twenty terms in each
    /// of four fields) made a common word's search several times slower and found little a person meant.
    /// </summary>
    private static bool MayBeMistyped(IndexReader reader, string word) =>
        SearchAnalysis.Terms(SearchFields.Spell, word) is [[var folded, ..], ..]
        && folded.Length >= 5
        && reader.DocFreq(new Term(SearchFields.Spell, folded)) == 0;

    /// <summary>What a text query is made of: the words (what must match), and what only adds to the score of a match.</summary>
    /// <param name="Words">Each word in some field (as written, folded, a prefix or a typo away); decides what matches.</param>
    /// <param name="Boost">The words as a phrase, and the stop words: never decides a match, only its rank.</param>
    private sealed record WordsQuery(Query Words, Query? Boost)
    {
        /// <summary>Both, as one query (the highlighter marks the terms of either).</summary>
        public Query All => Boost is null ? Words : new BooleanQuery(disableCoord: true) { { Words, Occur.MUST }, { Boost, Occur.SHOULD } };
    }

    private SearchHit Hit(IndexSearcher searcher, SearchHighlighter highlighter, RankedDoc hit, string culture)
    {
        var document = searcher.Doc(hit.Doc);
        var (title, titleCulture, url) = Display(document, culture);
        var titleHtml = highlighter.Highlight(SearchFields.In(SearchFields.Name, titleCulture), title, 0, 1);
        var body = document.Get(SearchFields.In(SearchFields.Body, titleCulture), CultureInfo.InvariantCulture) ?? "";
        var text = SearchFields.In(SearchFields.Text, titleCulture);
        var snippet = highlighter.Highlight(text, body, 160, 2);
        if (snippet.Length == 0)
        {
            var summary = document.Get(SearchFields.In(SearchFields.Summary, titleCulture), CultureInfo.InvariantCulture);
            snippet = string.IsNullOrEmpty(summary) ? SearchHighlighter.Encode(body.Length > 200 ? body[..200] + "…" : body) : highlighter.Highlight(text, summary, 0, 1) is { Length: > 0 } s ? s : SearchHighlighter.Encode(summary);
        }

        return new SearchHit(
            Guid.ParseExact(document.Get(SearchFields.Key, CultureInfo.InvariantCulture), "N"),
            int.Parse(document.Get(SearchFields.Id, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            SearchFields.ParseKind(document.Get(SearchFields.Kind, CultureInfo.InvariantCulture)) ?? SearchKind.Page,
            titleHtml.Length > 0 ? titleHtml : SearchHighlighter.Encode(title),
            titleCulture,
            url,
            snippet,
            hit.Written,
            hit.Score);
    }

    /// <summary>The title and URL shown to a visitor of <paramref name="culture"/>: the page in that culture, or in the default one.</summary>
    private (string Title, string TitleCulture, string Url) Display(Lucene.Net.Documents.Document document, string culture)
    {
        foreach (var candidate in new[] { culture, cultures.Default.Code }.Concat(cultures.Codes))
        {
            if (document.Get(SearchFields.In(SearchFields.Url, candidate), CultureInfo.InvariantCulture) is { } url)
            {
                var fallback = document.GetField(SearchFields.In(SearchFields.Fallback, candidate))?.GetInt32Value() == 1;
                var contentCulture = fallback ? cultures.Default.Code : candidate;
                return (document.Get(SearchFields.In(SearchFields.Name, candidate), CultureInfo.InvariantCulture) ?? "", contentCulture, url);
            }
        }

        return ("", culture, "/");
    }

    /// <summary>When nothing matched: each word the index does not know, replaced by the closest one it knows well.</summary>
    private static string? DidYouMean(IndexReader reader, IReadOnlyList<string> words)
    {
        var changed = false;
        var corrected = new List<string>();
        foreach (var word in words.Select(w => SearchAnalysis.Terms(SearchFields.Spell, w) is [var v, ..] ? v[0] : w))
        {
            if (word.Length < 3 || reader.DocFreq(new Term(SearchFields.Spell, word)) > 0)
            {
                corrected.Add(word);
                continue;
            }

            var fuzzy = new FuzzyQuery(new Term(SearchFields.Spell, word), word.Length >= 6 ? 2 : 1, prefixLength: 0, maxExpansions: 50, transpositions: true);
            var best = (fuzzy.Rewrite(reader) as BooleanQuery)?.Clauses
                .Select(c => c.Query)
                .OfType<TermQuery>()
                .Select(t => (t.Term.Text, t.Boost, Frequency: reader.DocFreq(t.Term)))
                .OrderByDescending(t => t.Boost)
                .ThenByDescending(t => t.Frequency)
                .Select(t => t.Text)
                .FirstOrDefault();
            corrected.Add(best ?? word);
            changed |= best is not null;
        }

        return changed ? string.Join(' ', corrected) : null;
    }

    /// <summary>
    /// Counts every facet over the matching documents (each dimension with the other filters applied, as faceted search
    /// expects), and keeps the best <c>limit</c> documents that pass every filter: the visitor's language first, then score.
    /// A query can match tens of thousands of documents: each is counted by the ordinals of its values in the segment's
    /// <see cref="SegmentFacets"/> (filters resolved to ordinals once per segment), and the ordinals are named once, when
    /// the segment ends.
    /// </summary>
    private sealed class FacetingCollector(SearchRequest request, int limit) : ICollector
    {
        private readonly PriorityQueue<RankedDoc, RankedDoc> _best = new(RankedDoc.Worst);
        private readonly Dictionary<string, int> _kinds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _sectors = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _years = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _languages = new(StringComparer.Ordinal);
        private readonly HashSet<string>? _kindFilter = request.Kinds is { Count: > 0 } kinds ? [.. kinds.Select(SearchFields.KindValue)] : null;
        private Scorer _scorer = null!;
        private int _docBase;
        private bool[] _top10 = [];
        private bool[]? _written;
        private Single _kind = Single.None;
        private Multi _sector = Multi.None;
        private Multi _year = Multi.None;
        private Multi _language = Multi.None;
        private int _top10Count;
        private List<RankedDoc>? _ranked;

        public int Total { get; private set; }

        public bool AcceptsDocsOutOfOrder => true;

        public SearchFacets Facets
        {
            get
            {
                CountSegment();
                return new(_kinds, _sectors, _years, _languages, _top10Count);
            }
        }

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context)
        {
            CountSegment();
            var facets = SegmentFacets.Of(context.AtomicReader);
            _docBase = context.DocBase;
            _kind = new Single(facets.Kind, _kindFilter);
            _sector = new Multi(facets.Sector, request.Sector);
            _year = new Multi(facets.Year, request.Year?.ToString(CultureInfo.InvariantCulture));
            _language = new Multi(facets.Language, request.Language);
            _top10 = facets.Top10;
            _written = facets.Written(request.Culture);
        }

        public void Collect(int doc)
        {
            var kind = _kind.Ords[doc];
            var top10 = _top10[doc];

            var kindOk = _kind.Passes(kind);
            var sectorOk = _sector.Passes(doc);
            var yearOk = _year.Passes(doc);
            var top10Ok = !request.Top10 || top10;
            var languageOk = _language.Passes(doc);

            if (sectorOk && yearOk && top10Ok && languageOk && kind >= 0)
            {
                _kind.Counts[kind]++;
            }

            if (kindOk && yearOk && top10Ok && languageOk)
            {
                _sector.Count(doc);
            }

            if (kindOk && sectorOk && top10Ok && languageOk)
            {
                _year.Count(doc);
            }

            if (kindOk && sectorOk && yearOk && top10Ok)
            {
                _language.Count(doc);
            }

            if (kindOk && sectorOk && yearOk && languageOk && top10)
            {
                _top10Count++;
            }

            if (!(kindOk && sectorOk && yearOk && top10Ok && languageOk))
            {
                return;
            }

            Total++;
            var ranked = new RankedDoc(_docBase + doc, _scorer.GetScore(), _written?[doc] == true);
            if (_best.Count < limit)
            {
                _best.Enqueue(ranked, ranked);
            }
            else if (RankedDoc.Worst.Compare(ranked, _best.Peek()) > 0)
            {
                _best.DequeueEnqueue(ranked, ranked);
            }
        }

        /// <summary>The kept documents, best first.</summary>
        public List<RankedDoc> Ranked() => _ranked ??= [.. _best.UnorderedItems.Select(i => i.Element).Order(RankedDoc.Worst).Reverse()];

        /// <summary>
        /// Adds <paramref name="boost"/>'s score to the best <paramref name="window"/> documents and ranks them again;
        /// those after them keep their order (so the pages after the window follow on from it without repeating any).
        /// </summary>
        public void Rescore(Weight boost, IList<AtomicReaderContext> leaves, int window)
        {
            var ranked = Ranked();
            var head = ranked.Take(window).OrderBy(d => d.Doc).ToList();
            var leaf = -1;
            Scorer? scorer = null;
            for (var i = 0; i < head.Count; i++)
            {
                var doc = head[i].Doc;
                if (leaf < 0 || doc >= leaves[leaf].DocBase + leaves[leaf].AtomicReader.MaxDoc)
                {
                    do
                    {
                        leaf++;
                    }
                    while (doc >= leaves[leaf].DocBase + leaves[leaf].AtomicReader.MaxDoc);

                    // Only the documents re-scored are accepted: a phrase's scorer then checks the positions of those
                    // alone, not of every page with its words that lies between two of them.
                    var end = leaves[leaf].DocBase + leaves[leaf].AtomicReader.MaxDoc;
                    var accepted = new FixedBitSet(leaves[leaf].AtomicReader.MaxDoc);
                    for (var j = i; j < head.Count && head[j].Doc < end; j++)
                    {
                        accepted.Set(head[j].Doc - leaves[leaf].DocBase);
                    }

                    scorer = boost.GetScorer(leaves[leaf], accepted);
                }

                var local = doc - leaves[leaf].DocBase;
                if (scorer is not null && (scorer.DocID < local ? scorer.Advance(local) : scorer.DocID) == local)
                {
                    head[i] = head[i] with { Score = head[i].Score + scorer.GetScore() };
                }
            }

            _ranked = [.. head.Order(RankedDoc.Worst).Reverse().Concat(ranked.Skip(window))];
        }

        /// <summary>Adds the counts of the segment just collected, by name, to the totals (once: the counts are then emptied).</summary>
        private void CountSegment()
        {
            AddTo(_kinds, _kind.Counts, _kind.Names);
            AddTo(_sectors, _sector.Counts, _sector.Names);
            AddTo(_years, _year.Counts, _year.Names);
            AddTo(_languages, _language.Counts, _language.Names);
        }

        private static void AddTo(Dictionary<string, int> totals, int[] counts, string[] names)
        {
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    totals[names[ord]] = totals.GetValueOrDefault(names[ord]) + counts[ord];
                    counts[ord] = 0;
                }
            }
        }

        /// <summary>The kind facet in one segment: counts per ordinal, and which ordinals the kind filter lets through.</summary>
        private sealed class Single
        {
            public static readonly Single None = new(new SegmentFacets.SingleValuedOrds([], []), null);

            private readonly bool[]? _allowed;

            public Single(SegmentFacets.SingleValuedOrds values, HashSet<string>? filter)
            {
                Ords = values.Ords;
                Names = values.Names;
                Counts = new int[Names.Length];
                _allowed = filter is null ? null : [.. Names.Select(filter.Contains)];
            }

            public int[] Ords { get; }

            public string[] Names { get; }

            public int[] Counts { get; }

            /// <param name="ord">The document's ordinal, -1 when it has no value.</param>
            public bool Passes(int ord) => _allowed is null || (ord >= 0 && _allowed[ord]);
        }

        /// <summary>A multi-valued facet in one segment (sectors, years, languages): counts per ordinal, and the ordinal the filter wants.</summary>
        private sealed class Multi
        {
            public static readonly Multi None = new(new SegmentFacets.MultiValuedOrds([0], [], []), null);

            private const int Unfiltered = -1;
            private readonly int[] _starts;
            private readonly int[] _ords;
            private readonly int _wanted;

            /// <param name="wanted">The value a document must have (the filter), or null for any.</param>
            public Multi(SegmentFacets.MultiValuedOrds values, string? wanted)
            {
                _starts = values.Starts;
                _ords = values.Ords;
                Names = values.Names;
                Counts = new int[Names.Length];

                // A filter value the segment does not hold is matched by none of its documents (ordinals are never below -1).
                _wanted = wanted is null ? Unfiltered : values.OrdOf(wanted) is >= 0 and var ord ? ord : int.MinValue;
            }

            public string[] Names { get; }

            public int[] Counts { get; }

            public bool Passes(int doc) => _wanted == Unfiltered || Array.IndexOf(_ords, _wanted, _starts[doc], _starts[doc + 1] - _starts[doc]) >= 0;

            public void Count(int doc)
            {
                for (var i = _starts[doc]; i < _starts[doc + 1]; i++)
                {
                    Counts[_ords[i]]++;
                }
            }
        }
    }
}

/// <summary>A matching document as ranked: the visitor's language first, then by score, then by index order.</summary>
public readonly record struct RankedDoc(int Doc, float Score, bool Written)
{
    /// <summary>Orders worst first (the top of a min-heap of the best).</summary>
    public static IComparer<RankedDoc> Worst { get; } = Comparer<RankedDoc>.Create((a, b) =>
        a.Written != b.Written ? a.Written.CompareTo(b.Written)
        : a.Score != b.Score ? a.Score.CompareTo(b.Score)
        : b.Doc.CompareTo(a.Doc));
}

/// <param name="Kinds">Only these kinds (a tab of the search page); empty or null for all.</param>
/// <param name="Language">Only pages written in this culture (the culture facet).</param>
public sealed record SearchRequest(
    string? Text,
    string Culture,
    IReadOnlyList<SearchKind>? Kinds = null,
    string? Sector = null,
    int? Year = null,
    bool Top10 = false,
    string? Language = null,
    int Page = 1,
    int PageSize = 10);

/// <param name="TitleHtml">The title with the matched words in <c>&lt;mark&gt;</c>, HTML-encoded otherwise.</param>
/// <param name="TitleCulture">The language of the title and snippet (the default culture's when the page is not in the visitor's).</param>
/// <param name="SnippetHtml">A passage with the matched words in <c>&lt;mark&gt;</c>, HTML-encoded otherwise.</param>
public sealed record SearchHit(Guid Key, int DocumentId, SearchKind Kind, string TitleHtml, string TitleCulture, string Url, string SnippetHtml, bool InVisitorCulture, float Score);

public sealed record Suggestion(string Title, string TitleCulture, SearchKind Kind, string Url);

/// <summary>Counts per facet value: kinds, sector codes, award years, languages a page is written in, and Top 10.</summary>
public sealed record SearchFacets(
    IReadOnlyDictionary<string, int> Kinds,
    IReadOnlyDictionary<string, int> Sectors,
    IReadOnlyDictionary<string, int> Years,
    IReadOnlyDictionary<string, int> Languages,
    int Top10)
{
    public static SearchFacets None { get; } = new(new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), 0);
}

public sealed record SearchResults(
    SearchRequest Request,
    IReadOnlyList<SearchHit> Hits,
    int Total,
    int Page,
    int PageCount,
    SearchFacets Facets,
    string? DidYouMean,
    bool IndexReady)
{
    /// <summary>No page had every word, so these are the pages that have all but one.</summary>
    public bool MissingWords { get; init; }

    public static SearchResults Empty(SearchRequest request, bool indexReady) => new(request, [], 0, 1, 1, SearchFacets.None, null, indexReady);
}
