using System.Security.Claims;
using Spcncl.BackOffice;
using Spcncl.Persistence;
using Spcncl.Persistence.Entities;

namespace Spcncl.Site.BackOffice;

/// <summary>
/// The signed-in person for one back-office request, read from the database (so a changed role or start node counts
/// at once), and the audit trail of what they were refused.
/// </summary>
public sealed class BackOfficeContext(BackOfficeUsers users, SiteDbContextFactory dbFactory, TimeProvider clock, ILogger<BackOfficeContext> logger)
{
    public BackOfficeIdentity? Me { get; private set; }

    public async Task<BackOfficeIdentity?> LoadAsync(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        Me = id is null ? null : await users.IdentityAsync(id);
        return Me;
    }

    /// <summary>Records a refused action (a crafted request, a tampered field) in the audit log, which no clean-up removes.</summary>
    public async Task RecordRefusalAsync(string what, int? documentId = null, string? cultures = null)
    {
        logger.LogWarning("Back office refused {User}: {What} (document {Document}, cultures {Cultures})", Me?.UserName, what, documentId, cultures);
        await using var db = dbFactory.CreateDbContext();
        db.AuditEntries.Add(new AuditEntryEntity
        {
            TimestampUtc = clock.GetUtcNow().UtcDateTime,
            UserName = Me?.UserName ?? "(anonymous)",
            Action = "Refused",
            DocumentId = documentId,
            Cultures = cultures,
            Details = what.Length > 1000 ? what[..1000] : what,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Records a back-office action that is not a content change (a sign-in, a user changed, an import).</summary>
    public async Task RecordAsync(string action, string details, string? userName = null)
    {
        await using var db = dbFactory.CreateDbContext();
        db.AuditEntries.Add(new AuditEntryEntity
        {
            TimestampUtc = clock.GetUtcNow().UtcDateTime,
            UserName = userName ?? Me?.UserName ?? "(anonymous)",
            Action = action,
            Details = details.Length > 1000 ? details[..1000] : details,
        });
        await db.SaveChangesAsync();
    }
}
