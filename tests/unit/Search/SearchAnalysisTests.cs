using Spcncl.Search;

namespace Spcncl.Tests.Search;

/// <summary>How words become terms: Vietnamese keeps the word and adds its folded form; English folds and stems.</summary>
public sealed class SearchAnalysisTests
{
    [Theory]
    [InlineData("Hà Nội", "ha|hà noi|nội")]
    [InlineData("HA NOI", "ha noi")]
    [InlineData("Đèn LED", "den|đèn led")]
    [InlineData("đường", "duong|đường")]
    [InlineData("Điện", "dien|điện")]
    [InlineData("Công ty TNHH", "cong|công ty tnhh")]
    public void Vietnamese_KeepsTheWordAndItsFoldedFormAtOnePosition(string text, string expected)
    {
        Assert.Equal(expected, Flat(SearchAnalysis.Terms("name_vi", text)));
    }

    [Theory]
    [InlineData("cables", "cable")]
    [InlineData("Transformers", "transformer")]
    [InlineData("factories", "factory")]
    [InlineData("company's", "company")]
    [InlineData("LED bulbs", "LED bulb")]
    public void English_PluralsAndPossessives_MeetTheirSingular(string typed, string indexed)
    {
        Assert.Equal(Flat(SearchAnalysis.Terms("name_en", indexed)), Flat(SearchAnalysis.Terms("name_en", typed)));
    }

    [Theory]
    [InlineData("ĐƯỜNG ẤM ĂN ỮA Ỳ Ỹ Ơ Ư")]
    [InlineData("İSTANBUL ΣΟΦΙΑ STRASSE ẞ ǅ Ω")]
    [InlineData("ÀÉÎÕÜ Ÿ Ǆ Ⅻ ⓐⒶ")]
    [InlineData("𐐀𐐁 DESERET 𝐀")]
    public void Words_AreLowerCasedAsTheInvariantCultureDoes(string text)
    {
        Assert.Equal(SearchAnalysis.WordsOf(text.ToLowerInvariant()), SearchAnalysis.WordsOf(text));
    }

    [Fact]
    public void English_FoldsVietnameseNames_AndDropsStopWords()
    {
        Assert.Equal("made ha|hà noi|nội", Flat(SearchAnalysis.Terms("body_en", "made in the Hà Nội")));
    }

    [Fact]
    public void QueryWords_AreLowerCasedWithTheirAccents_AndOperatorsAreJustText()
    {
        Assert.Equal(["hà", "nội", "and", "cáp", "điện", "2"], SearchAnalysis.WordsOf("  Hà (Nội) AND \"cáp\" điện* ~2 :: \\ "));
    }

    /// <summary>Positions in order, the terms at each position sorted (written form after the folded one).</summary>
    private static string Flat(IReadOnlyList<IReadOnlyList<string>> positions) => string.Join(' ', positions.Select(p => string.Join('|', p.Order(StringComparer.Ordinal))));
}
