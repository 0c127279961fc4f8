using Spcncl.Content.Notifications;
using Spcncl.Hosting;
using Spcncl.Published;

namespace Spcncl.Search;

/// <summary>
/// Keeps the index in step with the published snapshot: opens or builds it once the site is loaded, and indexes
/// again what each change touched (here or on another instance). Runs after the snapshot's own handler, so it reads
/// the new content.
/// </summary>
public sealed class SearchIndexUpdater(SearchIndex index, PublishedSnapshotService snapshots) : ISiteLoadedHandler, INotificationHandler<ContentChangedNotification>
{
    public Task OnSiteLoadedAsync(CancellationToken ct)
    {
        index.Open();
        return Task.CompletedTask;
    }

    public Task HandleAsync(ContentChangedNotification notification, CancellationToken cancellationToken)
    {
        var snapshot = snapshots.Current;
        if (notification.Changes.Any(c => c.Kind == ContentChangeKind.RefreshAll))
        {
            index.StartRebuild();
            return Task.CompletedTask;
        }

        var keys = new HashSet<Guid>();
        foreach (var change in notification.Changes)
        {
            switch (change.Kind)
            {
                case ContentChangeKind.RefreshDocuments:
                    keys.UnionWith(change.DocumentIds.Select(snapshot.Get).OfType<PublishedDocument>().Select(d => d.Key));
                    break;
                case ContentChangeKind.RefreshBranch:
                    keys.UnionWith(change.DocumentIds.Select(snapshot.Get).OfType<PublishedDocument>().SelectMany(snapshot.Branch).Select(d => d.Key));
                    break;
                case ContentChangeKind.RemoveBranch:
                    foreach (var id in change.DocumentIds)
                    {
                        index.Remove(id, branch: true);
                    }

                    break;
                case ContentChangeKind.RefreshRegistry:
                    // Award years and Top 10 are facets of every product and enterprise.
                    keys.UnionWith(snapshot.OfType("product").Concat(snapshot.OfType("enterprise")).Select(d => d.Key));
                    break;
            }
        }

        // Unpublished documents are gone from the snapshot: their ids name them in the index.
        foreach (var change in notification.Changes.Where(c => c.Kind is ContentChangeKind.RefreshDocuments or ContentChangeKind.RefreshBranch))
        {
            foreach (var id in change.DocumentIds.Where(id => snapshot.Get(id) is null))
            {
                index.Remove(id, branch: change.Kind == ContentChangeKind.RefreshBranch);
            }
        }

        var dependents = keys.Select(snapshot.Get).OfType<PublishedDocument>()
            .SelectMany(d => index.Definition.BuilderFor(d.Type.Alias).Dependents(d, snapshot))
            .Select(d => d.Key);
        index.Update(keys.Concat(dependents));
        return Task.CompletedTask;
    }
}
