using Spcncl.Content.Documents;
using Spcncl.Content.Notifications;
using Spcncl.Persistence;
using Spcncl.Tests.Fixtures;
using static Spcncl.Tests.Fixtures.ContentValues;

namespace Spcncl.Tests.Published;

/// <summary>
/// Two instances of the site on one database: what one publishes, moves or deletes, the other applies from the
/// change instructions written in the same transaction, so both snapshots converge (Umbraco's load-balancing model).
/// </summary>
public sealed class LoadBalancingTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ChangesOnOneInstance_ReachTheOtherThroughChangeInstructions(DatabaseProvider provider)
    {
        await using var first = await TestEngine.StartAsync(provider: provider);
        await using var second = await TestEngine.StartAsync(sharedDatabase: first.Database);
        var home = first.IdOf("home");

        var page = Ok(await first.Content.CreateAsync(new CreateDocumentRequest("textPage", home, Cultures(
            ("vi", new VariantInput("Tin mới", Values: Values(("body", "Nội dung.")))),
            ("en", new VariantInput("Latest news", Values: Values(("body", "Body."))))))
            , "editor"));
        Ok(await first.Content.PublishAsync(page.Id, ["vi", "en"], "editor"));
        Assert.NotNull(first.Snapshot.Match("/en/latest-news"));
        Assert.Null(second.Snapshot.Match("/en/latest-news"));

        await second.Get<ContentChangePoller>().PollOnceAsync(default);
        Assert.NotNull(second.Snapshot.Match("/en/latest-news"));

        // The instance that made the change does not apply its own instruction twice.
        var generation = first.Snapshot.Generation;
        await first.Get<ContentChangePoller>().PollOnceAsync(default);
        Assert.Equal(generation, first.Snapshot.Generation);

        var renamed = Ok(await second.Content.SaveAsync(new SaveDocumentRequest(page.Id, (await second.Content.GetAsync(page.Id))!.Revision, Cultures(("en", new VariantInput("News today")))), "editor"));
        Ok(await second.Content.PublishAsync(page.Id, ["en"], "editor", renamed.Revision));
        Ok(await second.Content.MoveToRecycleBinAsync(first.IdOf("contactPage"), "editor"));

        await first.Get<ContentChangePoller>().PollOnceAsync(default);
        Assert.Equal("/en/news-today", first.Snapshot.RedirectTarget("/en/latest-news"));
        Assert.Empty(first.Snapshot.OfType("contactPage"));
        Assert.Equal(second.Snapshot.Count, first.Snapshot.Count);
    }

    [Fact]
    public async Task AnInstructionCommittedAfterALaterOne_IsStillApplied()
    {
        await using var first = await TestEngine.StartAsync();
        await using var second = await TestEngine.StartAsync(sharedDatabase: first.Database);
        var page = Ok(await first.Content.CreateAsync(new CreateDocumentRequest("textPage", first.IdOf("home"), Cultures(("vi", new VariantInput("Đến muộn", Values: Values(("body", "Nội dung.")))))), "editor"));
        Ok(await first.Content.PublishAsync(page.Id, ["vi"], "editor"));

        // As if the second instance had already read a later id while this transaction was still committing.
        var dispatcher = second.Get<ContentChangeDispatcher>();
        dispatcher.LastAppliedId += 5;
        await second.Get<ContentChangePoller>().PollOnceAsync(default);

        Assert.NotNull(second.Snapshot.Match("/vi/den-muon"));
    }

    [Fact]
    public async Task Reconcile_ReloadsACacheThatMissedAChange()
    {
        await using var first = await TestEngine.StartAsync();
        await using var second = await TestEngine.StartAsync(sharedDatabase: first.Database);
        var poller = second.Get<ContentChangePoller>();
        Assert.True(await poller.ReconcileAsync(default));

        var page = Ok(await first.Content.CreateAsync(new CreateDocumentRequest("textPage", first.IdOf("home"), Cultures(("vi", new VariantInput("Bị bỏ lỡ", Values: Values(("body", "Nội dung.")))))), "editor"));
        Ok(await first.Content.PublishAsync(page.Id, ["vi"], "editor"));

        Assert.False(await poller.ReconcileAsync(default));
        Assert.NotNull(second.Snapshot.Match("/vi/bi-bo-lo"));
        Assert.True(await poller.ReconcileAsync(default));
    }
}
