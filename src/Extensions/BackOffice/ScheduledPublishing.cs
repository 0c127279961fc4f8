using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spcncl.Content.Documents;
using Spcncl.Persistence;
using Spcncl.Persistence.Entities;

namespace Spcncl.BackOffice;

/// <summary>
/// Publishing and unpublishing at a set time. Editors schedule through the back office; a background loop runs what
/// is due (by the site's clock) through the content service, as the person who scheduled it. A schedule that can no
/// longer run (the page gone, a value now invalid) is marked with the reason and left for the editor to see.
/// </summary>
public sealed class ScheduledPublishing(SiteDbContextFactory dbFactory, IContentService content, TimeProvider clock, ILogger<ScheduledPublishing> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    public async Task<ScheduledActionEntity> ScheduleAsync(int documentId, ScheduledKind kind, IReadOnlyCollection<string> cultures, DateTimeOffset due, string user, CancellationToken ct = default)
    {
        var entity = new ScheduledActionEntity
        {
            DocumentId = documentId,
            Action = kind.ToString(),
            Cultures = string.Join(',', cultures),
            DueUtc = due.UtcDateTime,
            CreatedBy = user,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = dbFactory.CreateDbContext();
        db.ScheduledActions.Add(entity);
        await db.SaveChangesAsync(ct);
        return entity;
    }

    public async Task<bool> CancelAsync(int id, int documentId, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.ScheduledActions.Where(s => s.Id == id && s.DocumentId == documentId && s.DoneUtc == null).ExecuteDeleteAsync(ct) > 0;
    }

    /// <summary>The schedules of a document that have not run yet, soonest first.</summary>
    public async Task<IReadOnlyList<ScheduledActionEntity>> PendingAsync(int documentId, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.ScheduledActions.AsNoTracking().Where(s => s.DocumentId == documentId && s.DoneUtc == null).OrderBy(s => s.DueUtc).ToListAsync(ct);
    }

    /// <summary>Runs every schedule that is due; returns how many ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbFactory.CreateDbContext();
        var due = await db.ScheduledActions.Where(s => s.DoneUtc == null && s.DueUtc <= now).OrderBy(s => s.DueUtc).ToListAsync(ct);
        foreach (var action in due)
        {
            var cultures = action.Cultures.Split(',', StringSplitOptions.RemoveEmptyEntries);
            var result = action.Action == nameof(ScheduledKind.Publish)
                ? await content.PublishAsync(action.DocumentId, cultures, action.CreatedBy, ct: ct)
                : await content.UnpublishAsync(action.DocumentId, cultures, action.CreatedBy, ct);
            action.DoneUtc = now;
            action.Error = result.Succeeded ? null : result.ToString()[..Math.Min(1000, result.ToString().Length)];
            if (!result.Succeeded)
            {
                logger.LogWarning("Scheduled {Action} of document {Id} ({Cultures}) could not run: {Result}", action.Action, action.DocumentId, action.Cultures, result);
            }
        }

        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunDueAsync(stoppingToken);
                }
                catch (DbUpdateException ex)
                {
                    logger.LogError(ex, "Scheduled publishing failed; it will try again");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}

public enum ScheduledKind
{
    Publish,
    Unpublish,
}
