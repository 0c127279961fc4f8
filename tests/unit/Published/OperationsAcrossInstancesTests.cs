using Spcncl.Content.Notifications;
using Spcncl.Localization;
using Spcncl.Persistence;
using Spcncl.Published;
using Spcncl.Registry;
using Spcncl.Tests.Fixtures;

namespace Spcncl.Tests.Published;

/// <summary>
/// What the back office changes outside documents reaches every instance the way publishing does: a manual redirect,
/// a dictionary string and an award correction are each written with a change instruction in the same transaction,
/// and the other instance applies it on its next poll (and its reconcile catches a missed redirect).
/// </summary>
public sealed class OperationsAcrossInstancesTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task RedirectsDictionaryAndAwardEdits_ReachTheOtherInstanceThroughChangeInstructions(DatabaseProvider provider)
    {
        await using var first = await TestEngine.StartAsync(provider: provider);
        await using var second = await TestEngine.StartAsync(sharedDatabase: first.Database);

        var redirect = await first.Get<ManualRedirects>().AddAsync("/old/trang-chu.html", "/vi/", "editor");
        var dictionary = await first.Get<DictionaryEditor>().SaveAsync([new DictionaryEdit("Nav.SkipToContent", "en", "Straight to the content")]);
        var award = first.Get<AwardRegistry>().Current.Awards.First(a => a.Year == 2021);
        var editable = (await first.Get<RegistryEditor>().FindAwardAsync(award.Record.Id))!;
        var edited = await first.Get<RegistryEditor>().UpdateAwardAsync(award.Record.Id, new AwardChanges(
            editable.CertificateNumber, editable.SectorCode, !editable.Top10, editable.ValidUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            editable.ProductNameVi, "Renamed for export", editable.EnterpriseNameVi, editable.EnterpriseNameEn, editable.Stamp), "clerk");

        Assert.True(redirect.Succeeded);
        Assert.True(dictionary.Succeeded);
        Assert.True(edited.Succeeded, string.Join(", ", edited.Errors));
        Assert.Equal("/vi/", first.Snapshot.RedirectTarget("/old/trang-chu.html"));
        Assert.Null(second.Snapshot.RedirectTarget("/old/trang-chu.html"));
        Assert.NotEqual("Straight to the content", second.Get<SiteText>().In("en", "Nav.SkipToContent"));

        await second.Get<ContentChangePoller>().PollOnceAsync(default);

        Assert.Equal("/vi/", second.Snapshot.RedirectTarget("/OLD/Trang-Chu.html/"));
        Assert.Equal("Straight to the content", second.Get<SiteText>().In("en", "Nav.SkipToContent"));
        var seen = second.Get<AwardRegistry>().Current.ByCertificate(award.CertificateNumber)!;
        Assert.Equal("Renamed for export", seen.ProductName("en"));
        Assert.Equal(!award.Top10, seen.Top10);

        // Removed on the second instance, gone from the first at its next poll.
        Assert.NotNull(await second.Get<ManualRedirects>().RemoveAsync(redirect.Redirect!.Id));
        await first.Get<ContentChangePoller>().PollOnceAsync(default);
        Assert.Null(first.Snapshot.RedirectTarget("/old/trang-chu.html"));
    }

    [Fact]
    public async Task Reconcile_ReloadsRedirectsAnInstanceMissed()
    {
        await using var first = await TestEngine.StartAsync();
        await using var second = await TestEngine.StartAsync(sharedDatabase: first.Database);
        var poller = second.Get<ContentChangePoller>();
        Assert.True(await poller.ReconcileAsync(default));

        Assert.True((await first.Get<ManualRedirects>().AddAsync("/missed", "/en/", "editor")).Succeeded);

        Assert.False(await poller.ReconcileAsync(default));
        Assert.Equal("/en/", second.Snapshot.RedirectTarget("/missed"));
    }

    [Theory]
    [InlineData("/a", "/c", "/c", "/a", ManualRedirectError.Loop)]
    [InlineData("/a", "/b", "/c", "/a", null)]
    [InlineData("/a", "/b", "/b", "/A/", ManualRedirectError.Loop)]
    [InlineData("/a", "/b", "/c", "/b?x=1#top", null)]
    [InlineData("/a", "/b", "/a", "/c", ManualRedirectError.PathTaken)]
    [InlineData("/a", "/b", "/x?y=1", "/c", ManualRedirectError.PathHasQuery)]
    [InlineData("/a", "/b", "/backoffice/settings", "/c", ManualRedirectError.PathReserved)]
    [InlineData("/a", "/b", "/en/products", "/c", ManualRedirectError.PathIsAPage)]
    [InlineData("/a", "/b", "/c", "https://example.com/", ManualRedirectError.NotLocal)]
    [InlineData("/a", "/b", "/c", "//example.com/", ManualRedirectError.NotLocal)]
    [InlineData("/a", "/b", "/c", "/with space", ManualRedirectError.NotLocal)]
    [InlineData("/a", "/b", "", "/c", ManualRedirectError.Required)]
    public async Task AddingARedirect_IsCheckedAgainstTheOthersAndThePages(string firstPath, string firstTarget, string path, string target, ManualRedirectError? expected)
    {
        await using var engine = await TestEngine.StartAsync();
        var redirects = engine.Get<ManualRedirects>();
        Assert.True((await redirects.AddAsync(firstPath, firstTarget, "editor")).Succeeded);

        var attempt = await redirects.AddAsync(path, target, "editor");

        if (expected is null)
        {
            Assert.True(attempt.Succeeded);
        }
        else
        {
            Assert.False(attempt.Succeeded);
            Assert.Contains(expected.Value, attempt.Errors.Values);
            Assert.Equal([firstPath], engine.Snapshot.ManualRedirects.Select(r => r.Path));
            Assert.Equal(firstTarget, engine.Snapshot.RedirectTarget(firstPath));
        }
    }
}
