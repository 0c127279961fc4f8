using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Spcncl.Search;

/// <summary>
/// A word within one or two edits (5+ and 9+ letters): its 20 closest terms in the field, those sharing its first
/// letter. The automata that find them depend on the word alone, and building them was a sixth of a search's time:
/// built for the first field searched for the word, they are shared by the others (one search, one thread).
/// </summary>
internal sealed class TypoQuery(Term term, FuzzyTermsEnum.LevenshteinAutomataAttribute automata)
    : FuzzyQuery(term, term.Text.Length >= 9 ? 2 : 1, prefixLength: 1, maxExpansions: 20, transpositions: true)
{
    protected override TermsEnum GetTermsEnum(Terms terms, AttributeSource atts)
    {
        if (!atts.HasAttribute<FuzzyTermsEnum.ILevenshteinAutomataAttribute>())
        {
            atts.AddAttributeImpl(automata);
        }

        return base.GetTermsEnum(terms, atts);
    }
}
