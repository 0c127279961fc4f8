using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Spcncl.Search;

/// <summary>
/// The pages with a word beginning as typed in a name or summary ("thong mi" while typing "thông minh"), all scored
/// alike. A beginning of up to <see cref="SearchFields.LongestStart"/> letters is one term of the field of word
/// beginnings; a longer one expands to the words that begin so. Expanding a short beginning ("bi": biến, bình, bia …)
/// into every word it could become was a fifth of the time of a search at 100,000 products.
/// </summary>
internal sealed class WordStartQuery(string field, string culture, string start)
    : ConstantScoreQuery(start.Length <= SearchFields.LongestStart
        ? new TermQuery(new Term(SearchFields.Starts(field, culture), start))
        : new PrefixQuery(new Term(SearchFields.In(field, culture), start)))
{
    /// <summary>The text field whose words begin so (what the highlighter marks).</summary>
    public string TextField { get; } = SearchFields.In(field, culture);

    /// <summary>The beginning, folded and lower-cased.</summary>
    public string Start { get; } = start;
}
