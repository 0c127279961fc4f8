using Microsoft.Extensions.Options;
using Spcncl.Media;
using Spcncl.Tests.Fixtures;

namespace Spcncl.Tests.Media;

/// <summary><c>Site:Media</c> is read once and checked at start-up: what the site does with the values, and what it refuses.</summary>
public sealed class MediaSettingsTests
{
    [Fact]
    public async Task ConfiguredWidths_AreSortedAndEachOffersOnce_InsteadOfTheDefaults()
    {
        await using var engine = await TestEngine.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Site:Media:Widths:0"] = "800",
            ["Site:Media:Widths:1"] = "320",
            ["Site:Media:Widths:2"] = "800",
            ["Site:Media:Widths:3"] = "480",
        });

        Assert.Equal([320, 480, 800], engine.Get<IOptions<MediaOptions>>().Value.Widths);
    }

    [Fact]
    public async Task NoConfiguredWidths_GiveTheDefaults()
    {
        await using var engine = await TestEngine.StartAsync();

        Assert.Equal(MediaOptions.DefaultWidths, engine.Get<IOptions<MediaOptions>>().Value.Widths);
    }

    [Theory]
    [InlineData("Site:Media:MaxConcurrentProcessing", "0", "Site:Media:MaxConcurrentProcessing is 0; it must be at least 1")]
    [InlineData("Site:Media:Widths:0", "5000", "Site:Media:Widths holds 5000")]
    public async Task ABadSetting_StopsStartUp_NamingTheSetting(string key, string value, string message)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestEngine.StartAsync(settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }
}
