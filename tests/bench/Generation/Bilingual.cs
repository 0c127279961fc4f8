using System.Globalization;

namespace Spcncl.Bench.Generation;

/// <summary>A phrase in Vietnamese and English, written in the vocabulary as <c>"tiếng Việt|English"</c> (one text when both are the same).</summary>
public readonly record struct Bilingual(string Vi, string En)
{
    public static Bilingual Parse(string text) =>
        text.Split('|') switch
        {
            [var same] => new(same, same),
            [var vi, var en] => new(vi, en),
            _ => throw new FormatException($"'{text}' is not 'Vietnamese|English'"),
        };

    /// <summary>This phrase as a pattern ("Công ty TNHH {0}|{0} Company Limited") filled in each language with that language's <paramref name="value"/>.</summary>
    public Bilingual Fill(Bilingual value) =>
        new(string.Format(CultureInfo.InvariantCulture, Vi, value.Vi), string.Format(CultureInfo.InvariantCulture, En, value.En));
}
