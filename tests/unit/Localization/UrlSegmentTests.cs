using Spcncl.Localization;

namespace Spcncl.Tests.Localization;

public sealed class UrlSegmentTests
{
    [Theory]
    [InlineData("Sản phẩm Đồ gỗ", "san-pham-do-go")]
    [InlineData("Đường Đại Cồ Việt", "duong-dai-co-viet")]
    [InlineData("ĐIỆN, ĐIỆN TỬ", "dien-dien-tu")]
    [InlineData("Hóa chất, cao su, nhựa, dược phẩm", "hoa-chat-cao-su-nhua-duoc-pham")]
    [InlineData("Thủ công mỹ nghệ", "thu-cong-my-nghe")]
    [InlineData("Kế hoạch năm 2024", "ke-hoach-nam-2024")]
    [InlineData("  Rạng Đông — LED  ", "rang-dong-led")]
    [InlineData("Chợ Ưu đãi: Ỷ Lan?", "cho-uu-dai-y-lan")]
    [InlineData("Textiles, garments & footwear", "textiles-garments-footwear")]
    public void FromName_FoldsVietnameseAndPunctuation(string name, string expected) =>
        Assert.Equal(expected, UrlSegments.FromName(name));

    [Fact]
    public void FromName_NothingUsable_IsEmpty() => Assert.Equal("", UrlSegments.FromName("!!! — ???"));

    [Fact]
    public void FoldAccents_MapsDStrokeAndKeepsCase() =>
        Assert.Equal("Dong Da, Ha Noi", VietnameseText.FoldAccents("Đống Đa, Hà Nội"));

    [Fact]
    public void MakeUnique_AddsTheFirstFreeNumber() =>
        Assert.Equal("gioi-thieu-3", UrlSegments.MakeUnique("gioi-thieu", new HashSet<string> { "gioi-thieu", "gioi-thieu-2" }));

    [Theory]
    [InlineData("san-pham", true)]
    [InlineData("plan-2024", true)]
    [InlineData("San-pham", false)]
    [InlineData("san--pham", false)]
    [InlineData("-san", false)]
    [InlineData("sản-phẩm", false)]
    [InlineData("a/b", false)]
    public void IsValid_AcceptsOnlyCanonicalSegments(string segment, bool valid) =>
        Assert.Equal(valid, UrlSegments.IsValid(segment));
}
