using Spcncl.Registry;
using Spcncl.Tests.Fixtures;

namespace Spcncl.Tests.Registry;

/// <summary>The enterprise directory: A–Z in the culture's alphabet (names filed after their legal form), filters by sector, market and area.</summary>
public sealed class EnterpriseDirectoryTests : IAsyncLifetime
{
    private TestEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await TestEngine.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private EnterpriseDirectory Directory => _engine.Get<EnterpriseDirectory>();

    [Theory]
    [InlineData("Công ty TNHH MTV Cơ khí Đông Đô", "vi", "C")]
    [InlineData("Công ty TNHH Đông Đô", "vi", "Đ")]
    [InlineData("Công ty Cổ phần Ắc quy Hà Nội", "vi", "Ă")]
    [InlineData("Hợp tác xã Mây tre Phú Vinh", "vi", "M")]
    [InlineData("Dong Do Mechanical Engineering", "en", "D")]
    [InlineData("Ơn Việt Company", "en", "O")]
    [InlineData("123 Industries", "en", "#")]
    public void Letter_FilesANameAfterItsLegalForm_InTheCulturesAlphabet(string name, string culture, string letter)
    {
        Assert.Equal(letter, EnterpriseDirectory.Letter(name, culture));
    }

    [Fact]
    public void Search_EachLetterCount_IsWhatChoosingItWouldShow()
    {
        var result = Directory.Search(new DirectoryQuery(Sector: "food"), "vi");

        Assert.Equal(29, result.Letters.Count);
        Assert.All(result.Letters, l => Assert.Equal(Directory.Search(new DirectoryQuery(Letter: l.Value, Sector: "food"), "vi").Items.Count, l.Count));
        Assert.All(result.Items, e => Assert.Contains("food", e.SectorCodes));
        Assert.All(result.Markets, o => Assert.Equal(Directory.Search(new DirectoryQuery(Sector: "food", Market: o.Value), "vi").Items.Count, o.Count));
    }

    [Fact]
    public async Task Entries_AreBuiltOncePerGeneration_AndAnOldGenerationIsLetGo()
    {
        var old = ProductCatalogueTests.Track(() => Directory.Entries("en"));

        await _engine.Get<AwardRegistry>().LoadAsync(default);
        var current = Directory.Entries("en");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(old.IsAlive, "the directory still holds the entries of an old registry generation");
        Assert.Same(current, Directory.Entries("en"));
        Assert.Equal(current.Select(e => e.Key), Directory.Entries("en").Select(e => e.Key));
    }
}
