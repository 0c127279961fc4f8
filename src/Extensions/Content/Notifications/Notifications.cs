using Microsoft.Extensions.DependencyInjection;

namespace Spcncl.Content.Notifications;

/// <summary>
/// Reactions to content changes hang off notifications, as in Umbraco: the published snapshot, the search index and
/// the output cache each handle <see cref="ContentChangedNotification"/>; the publishing code does not call them one by one.
/// </summary>
public interface INotificationHandler<in TNotification>
{
    Task HandleAsync(TNotification notification, CancellationToken cancellationToken);
}

public sealed class NotificationPublisher(IServiceProvider services)
{
    public async Task PublishAsync<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
    {
        foreach (var handler in services.GetServices<INotificationHandler<TNotification>>())
        {
            await handler.HandleAsync(notification, cancellationToken);
        }
    }
}

/// <summary>Published content changed, here or on another instance. Handlers bring their caches up to date.</summary>
public sealed record ContentChangedNotification(IReadOnlyList<ContentChange> Changes, bool FromOtherInstance);

/// <summary>
/// A change instruction. <see cref="ContentChangeKind.RefreshBranch"/> means the documents' URLs may have changed, so
/// their descendants need new routes too.
/// </summary>
/// <remarks><see cref="ContentChangeKind.RefreshMedia"/> names media item ids instead of document ids.</remarks>
public sealed record ContentChange(ContentChangeKind Kind, IReadOnlyList<int> DocumentIds)
{
    public static readonly ContentChange All = new(ContentChangeKind.RefreshAll, []);

    /// <summary>True for changes to the document tree (the published snapshot's business).</summary>
    public bool IsDocumentChange => Kind is ContentChangeKind.RefreshDocuments or ContentChangeKind.RefreshBranch or ContentChangeKind.RemoveBranch;
}

public enum ContentChangeKind
{
    RefreshDocuments,
    RefreshBranch,
    RemoveBranch,
    RefreshAll,
    RefreshMedia,

    /// <summary>Award cycles or awards changed (no ids: the registry reloads as a whole).</summary>
    RefreshRegistry,

    /// <summary>Manual redirects were added or removed (no ids: the snapshot reloads its redirects).</summary>
    RefreshRedirects,

    /// <summary>Dictionary strings were edited (no ids: the dictionary reloads as a whole).</summary>
    RefreshDictionary,
}

/// <summary>Names this process in change instructions, so it can skip its own when it reads them back.</summary>
public sealed class InstanceIdentity
{
    public string Id { get; } = $"{Environment.MachineName[..Math.Min(40, Environment.MachineName.Length)]}:{Environment.ProcessId}:{Guid.NewGuid():N}";
}
