using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Spcncl.Search;

/// <summary>
/// Lower-cases each word exactly as <see cref="string.ToLowerInvariant()"/> does (and so as Lucene.Net's
/// <c>LowerCaseFilter</c> does), in place: ASCII letters directly, any other character through a table of the
/// invariant culture's lower case, filled in as characters are met. <c>LowerCaseFilter</c> made a string of each word
/// and had ICU lower-case it, which was four fifths of analysing a Vietnamese text: every hit's passage is analysed to
/// mark the words found, and every query word once per field.
/// </summary>
internal sealed class InvariantLowerCaseFilter : TokenFilter
{
    /// <summary>The lower case of each UTF-16 character, or '\0' until it is first needed (no character above ASCII lowers to '\0').</summary>
    private static readonly char[] Lower = new char[char.MaxValue + 1];

    private readonly ICharTermAttribute _term;

    public InvariantLowerCaseFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c < 128)
            {
                buffer[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            }
            else if (char.IsSurrogate(c))
            {
                // A letter outside the Basic Multilingual Plane: the whole word as the string would be (lowering twice changes nothing).
                new string(buffer, 0, length).ToLowerInvariant().CopyTo(0, buffer, 0, length);
                return true;
            }
            else
            {
                buffer[i] = LowerOf(c);
            }
        }

        return true;
    }

    /// <summary>The invariant lower case of a character above ASCII (the table is shared: a race only writes the same value twice).</summary>
    private static char LowerOf(char c)
    {
        var lower = Lower[c];
        if (lower == '\0')
        {
            lower = char.ToLowerInvariant(c);
            Lower[c] = lower;
        }

        return lower;
    }
}
