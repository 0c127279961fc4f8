using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Spcncl.Search;

/// <summary>
/// The facet values of one index segment (kind, sectors, award years, languages, Top 10, written in each culture), read
/// once from its DocValues into arrays. A search counts facets over every match, tens of thousands for a common pair of
/// words; reading each match's values from the DocValues files (a seek and a few bytes per value) was a third of such a
/// search. A segment never changes once written (deletions aside, which the searcher's live documents handle), so its
/// arrays are kept as long as the segment is, keyed by its core, and made when a searcher first opens it
/// (<see cref="Warmer"/>), not by the search that meets it first.
/// </summary>
public sealed class SegmentFacets
{
    private static readonly ConditionalWeakTable<object, SegmentFacets> Cache = [];

    private readonly Dictionary<string, bool[]> _written = new(StringComparer.Ordinal);

    private SegmentFacets(AtomicReader reader)
    {
        var maxDoc = reader.MaxDoc;
        Kind = SingleValuedOrds.Read(reader.GetSortedDocValues(SearchFields.Kind), maxDoc);
        Sector = MultiValuedOrds.Read(reader.GetSortedSetDocValues(SearchFields.Sector), maxDoc);
        Year = MultiValuedOrds.Read(reader.GetSortedSetDocValues(SearchFields.Year), maxDoc);
        Language = MultiValuedOrds.Read(reader.GetSortedSetDocValues(SearchFields.Culture), maxDoc);
        Top10 = Flags(reader.GetNumericDocValues(SearchFields.Top10), maxDoc);
        foreach (var field in reader.FieldInfos.Where(f => f.HasDocValues && SearchFields.IsWritten(f.Name)))
        {
            _written[field.Name] = Flags(reader.GetNumericDocValues(field.Name), maxDoc);
        }
    }

    public SingleValuedOrds Kind { get; }

    public MultiValuedOrds Sector { get; }

    public MultiValuedOrds Year { get; }

    /// <summary>The cultures a page is written in (not a fallback).</summary>
    public MultiValuedOrds Language { get; }

    public bool[] Top10 { get; }

    /// <summary>Whether each document is written in <paramref name="culture"/>; null when no document of the segment has the field.</summary>
    public bool[]? Written(string culture) => _written.GetValueOrDefault(SearchFields.Written(culture));

    public static SegmentFacets Of(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentFacets(reader));

    /// <summary>Makes the facets of every segment of a new searcher before it answers (on the index's refresh loop).</summary>
    public sealed class Warmer : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            foreach (var leaf in reader.Leaves)
            {
                Of(leaf.AtomicReader);
            }

            return base.NewSearcher(reader);
        }
    }

    private static bool[] Flags(NumericDocValues? values, int maxDoc)
    {
        var flags = new bool[maxDoc];
        if (values is not null)
        {
            for (var doc = 0; doc < maxDoc; doc++)
            {
                flags[doc] = values.Get(doc) == 1;
            }
        }

        return flags;
    }

    private static string[] Names(int count, Action<int, BytesRef> lookup)
    {
        var names = new string[count];
        var bytes = new BytesRef();
        for (var ord = 0; ord < count; ord++)
        {
            lookup(ord, bytes);
            names[ord] = bytes.Utf8ToString();
        }

        return names;
    }

    /// <summary>One value or none per document: its ordinal (-1 for none), and the value of each ordinal.</summary>
    public sealed class SingleValuedOrds(int[] ords, string[] names)
    {
        public int[] Ords { get; } = ords;

        public string[] Names { get; } = names;

        public static SingleValuedOrds Read(SortedDocValues? values, int maxDoc)
        {
            var ords = new int[maxDoc];
            for (var doc = 0; doc < maxDoc; doc++)
            {
                ords[doc] = values?.GetOrd(doc) ?? -1;
            }

            return new SingleValuedOrds(ords, values is null ? [] : SegmentFacets.Names(values.ValueCount, values.LookupOrd));
        }
    }

    /// <summary>Any number of values per document: document d's ordinals are <c>Ords[Starts[d]..Starts[d + 1]]</c>.</summary>
    public sealed class MultiValuedOrds(int[] starts, int[] ords, string[] names)
    {
        public int[] Starts { get; } = starts;

        public int[] Ords { get; } = ords;

        public string[] Names { get; } = names;

        /// <summary>The ordinal of <paramref name="name"/>, or -1 when no document of the segment has it.</summary>
        public int OrdOf(string name) => Array.IndexOf(Names, name);

        public static MultiValuedOrds Read(SortedSetDocValues? values, int maxDoc)
        {
            var starts = new int[maxDoc + 1];
            var ords = new List<int>(maxDoc);
            for (var doc = 0; doc < maxDoc; doc++)
            {
                starts[doc] = ords.Count;
                if (values is null)
                {
                    continue;
                }

                values.SetDocument(doc);
                for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
                {
                    ords.Add((int)ord);
                }
            }

            starts[maxDoc] = ords.Count;
            return new MultiValuedOrds(starts, [.. ords], values is null ? [] : SegmentFacets.Names((int)values.ValueCount, (ord, bytes) => values.LookupOrd(ord, bytes)));
        }
    }
}
