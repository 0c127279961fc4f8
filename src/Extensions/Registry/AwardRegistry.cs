using Microsoft.EntityFrameworkCore;
using Spcncl.Content.Notifications;
using Spcncl.Hosting;
using Spcncl.Localization;
using Spcncl.Persistence;

namespace Spcncl.Registry;

/// <summary>
/// Owns the current <see cref="RegistrySnapshot"/>: loaded at start-up in two queries, reloaded whole when a
/// registry change instruction arrives (imports and edits are rare; the registry is a few thousand rows).
/// Pages read it; they never query the registry tables per request.
/// </summary>
public sealed class AwardRegistry(SiteDbContextFactory dbFactory, TimeProvider clock)
    : ISiteLoader, INotificationHandler<ContentChangedNotification>, IContentCacheProbe, IDisposable
{
    private readonly SemaphoreSlim _swap = new(1, 1);
    private volatile RegistrySnapshot _current = RegistrySnapshot.Empty;
    private long _generation;

    public RegistrySnapshot Current => _current;

    /// <summary>Today in Hanoi: titles are valid through their last day there.</summary>
    public DateOnly Today => DateOnly.FromDateTime(CultureFormatter.ToSiteTime(clock.GetUtcNow().UtcDateTime));

    public async Task LoadAsync(CancellationToken ct)
    {
        await _swap.WaitAsync(ct);
        try
        {
            await using var db = dbFactory.CreateDbContext();
            var cycles = await db.AwardCycles.AsNoTracking()
                .Select(c => new { c.Year, c.DecisionNumber, c.DecisionDate, c.CouncilDate, c.CeremonyDate, c.Status })
                .ToListAsync(ct);
            var awards = await db.Awards.AsNoTracking()
                .Select(a => new AwardRecord(a.Id, a.Year, a.CertificateNumber, a.ProductKey, a.EnterpriseKey, a.SectorCode, a.Top10, a.ValidUntil, a.ProductNameVi, a.ProductNameEn, a.EnterpriseNameVi, a.EnterpriseNameEn, a.EnterpriseTaxCode))
                .ToListAsync(ct);
            _current = new RegistrySnapshot(
                Interlocked.Increment(ref _generation),
                cycles.Select(c => new AwardCycle(c.Year, c.DecisionNumber, c.DecisionDate, c.CouncilDate, c.CeremonyDate, Enum.TryParse<CycleStatus>(c.Status, out var status) ? status : CycleStatus.Planning)),
                awards);
        }
        finally
        {
            _swap.Release();
        }
    }

    public Task HandleAsync(ContentChangedNotification notification, CancellationToken cancellationToken) =>
        notification.Changes.Any(c => c.Kind is ContentChangeKind.RefreshRegistry or ContentChangeKind.RefreshAll)
            ? LoadAsync(cancellationToken)
            : Task.CompletedTask;

    public async Task<bool> MatchesDatabaseAsync(SiteDbContext db, CancellationToken ct)
    {
        var snapshot = _current;
        var awards = await db.Awards.CountAsync(ct);
        var cycles = await db.AwardCycles.CountAsync(ct);
        var idSum = awards == 0 ? 0 : await db.Awards.SumAsync(a => (long)a.Id, ct);
        return awards == snapshot.Awards.Count && cycles == snapshot.Cycles.Count && idSum == snapshot.Awards.Sum(a => (long)a.Record.Id);
    }

    public void Dispose() => _swap.Dispose();
}
