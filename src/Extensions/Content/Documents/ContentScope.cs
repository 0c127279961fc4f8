using Microsoft.EntityFrameworkCore.Storage;
using Spcncl.Content.DocumentTypes;
using Spcncl.Content.Notifications;
using Spcncl.Localization;
using Spcncl.Persistence;

namespace Spcncl.Content.Documents;

/// <summary>
/// One unit of work over content: one database transaction in which any number of operations run. Completing it
/// writes the change instructions, commits, and only then tells the caches. Disposing without completing rolls back.
/// </summary>
public sealed class ContentScope : IAsyncDisposable
{
    private readonly SiteDbContext _db;
    private readonly IDbContextTransaction _transaction;
    private readonly ContentChangeDispatcher _dispatcher;
    private readonly List<ContentChange> _changes = [];
    private bool _completed;

    private ContentScope(SiteDbContext db, IDbContextTransaction transaction, ContentChangeDispatcher dispatcher, DocumentTypeSet types, SiteCultures cultures, IPublishedRouteLookup routes, DateTime now)
    {
        _db = db;
        _transaction = transaction;
        _dispatcher = dispatcher;
        Writer = new ContentWriter(db, types, cultures, routes, now, _changes);
    }

    internal ContentWriter Writer { get; }

    internal SiteDbContext Db => _db;

    internal static async Task<ContentScope> BeginAsync(
        SiteDbContextFactory factory,
        ContentChangeDispatcher dispatcher,
        DocumentTypeSet types,
        SiteCultures cultures,
        IPublishedRouteLookup routes,
        DateTime now,
        CancellationToken ct)
    {
        var db = factory.CreateDbContext();
        try
        {
            var transaction = await db.Database.BeginTransactionAsync(ct);
            return new ContentScope(db, transaction, dispatcher, types, cultures, routes, now);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Asks every cache to reload everything once this scope commits (bulk imports).</summary>
    internal void RefreshAllOnComplete() => _changes.Add(ContentChange.All);

    /// <summary>Adds a change instruction that commits with this scope (for writes made outside the writer, such as the registry's).</summary>
    internal void Notify(ContentChange change) => _changes.Add(change);

    public async Task CompleteAsync(CancellationToken ct = default)
    {
        var changes = Coalesce(_changes);
        if (changes.Count > 0)
        {
            _dispatcher.Record(_db, changes);
            await _db.SaveChangesAsync(ct);
        }

        await _transaction.CommitAsync(ct);
        _completed = true;
        if (changes.Count > 0)
        {
            await _dispatcher.DispatchLocalAsync(changes, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            await _transaction.RollbackAsync();
        }

        await _transaction.DisposeAsync();
        await _db.DisposeAsync();
    }

    /// <summary>Many small changes (an import) become one "refresh all", which costs a caller less than thousands of small ones.</summary>
    private static List<ContentChange> Coalesce(List<ContentChange> changes) =>
        changes.Count > 200 || changes.Any(c => c.Kind == ContentChangeKind.RefreshAll) ? [ContentChange.All] : [.. changes];
}
