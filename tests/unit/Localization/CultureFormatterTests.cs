using Spcncl.Localization;

namespace Spcncl.Tests.Localization;

/// <summary>Dates, numbers and sorting follow the page's culture.</summary>
public sealed class CultureFormatterTests
{
    private static readonly CultureFormatter Format = new(new SiteCultures(
    [
        new CultureDefinition { Code = "vi", NativeName = "Tiếng Việt", Locale = "vi-VN", Default = true, DateFormat = "dd/MM/yyyy", DateTimeFormat = "HH:mm, dd/MM/yyyy" },
        new CultureDefinition { Code = "en", NativeName = "English", Locale = "en-GB", DateFormat = "d MMMM yyyy", DateTimeFormat = "d MMMM yyyy, HH:mm" },
    ]));

    [Fact]
    public void Date_UsesEachCulturesFormatInHanoiTime()
    {
        // 20:00 UTC on 26 November is already 27 November in Hanoi (UTC+7).
        var utc = new DateTime(2026, 11, 26, 20, 0, 0, DateTimeKind.Utc);

        Assert.Equal("27/11/2026", Format.Date(utc, "vi"));
        Assert.Equal("27 November 2026", Format.Date(utc, "en"));
        Assert.Equal("03:00, 27/11/2026", Format.DateTime(utc, "vi"));
    }

    [Fact]
    public void Number_GroupsDigitsPerCulture()
    {
        Assert.Equal("6.500", Format.Number(6500, "vi"));
        Assert.Equal("6,500", Format.Number(6500, "en"));
    }

    [Fact]
    public void Collation_SortsInVietnameseAlphabeticalOrder()
    {
        string[] names = ["Đông Anh", "Dung Quất", "Ân Thi", "An Khánh", "Bắc Ninh", "Ba Vì", "Ơn Tiến", "Ô Môn", "Óc Eo"];

        var sorted = names.Order(Format.Collation("vi")).ToArray();

        // a < ă < â, d < đ, o < ô < ơ, and tone marks rank after the base letter.
        Assert.Equal(["An Khánh", "Ân Thi", "Ba Vì", "Bắc Ninh", "Dung Quất", "Đông Anh", "Óc Eo", "Ô Môn", "Ơn Tiến"], sorted);
    }

    [Fact]
    public void FromAcceptLanguage_PicksTheBestSiteCulture()
    {
        var cultures = new SiteCultures(
        [
            new CultureDefinition { Code = "vi", NativeName = "Tiếng Việt", Locale = "vi-VN", Default = true },
            new CultureDefinition { Code = "en", NativeName = "English", Locale = "en-GB" },
        ]);

        Assert.Equal("en", cultures.FromAcceptLanguage("fr-FR,fr;q=0.9,en-US;q=0.8").Code);
        Assert.Equal("vi", cultures.FromAcceptLanguage("en;q=0.5,vi;q=0.9").Code);
        Assert.Equal("vi", cultures.FromAcceptLanguage("de-DE").Code);
        Assert.Equal("vi", cultures.FromAcceptLanguage(";;;q=abc,,").Code);
        Assert.Equal("vi", cultures.FromAcceptLanguage(null).Code);
    }
}
