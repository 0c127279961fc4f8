using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spcncl.Content.Notifications;
using Spcncl.Persistence;
using Spcncl.Persistence.Entities;
using Spcncl.Published;
using Spcncl.Published.Models;
using Spcncl.Registry.Import;

namespace Spcncl.Registry;

/// <summary>
/// Corrections the registry clerk makes by hand, between imports: an award's editable fields (certificate number,
/// sector, Top 10, validity, the names as recognised) and a year's cycle (status, decision, dates). Each save is
/// checked whole, refused whole with every problem named by field, refused when someone saved the same row since it
/// was opened, and written in one transaction with a change instruction so that every instance's registry reloads.
/// </summary>
public sealed class RegistryEditor(
    SiteDbContextFactory dbFactory,
    ContentChangeDispatcher dispatcher,
    PublishedSnapshotService snapshots,
    PublishedModelFactory models,
    AwardRegistry registry,
    IOptions<RegistryOptions> options,
    TimeProvider clock)
{
    public const int NameMax = 400;
    public const int CertificateMax = 60;
    public const int DecisionNumberMax = 60;

    /// <summary>The sectors awards may be given (the published sector pages), with their names in the culture.</summary>
    public IReadOnlyList<(string Code, string Name)> Sectors(string culture)
    {
        var snapshot = snapshots.Current;
        return [.. snapshot.OfType("sector")
            .Select(d => models.Create(d, culture, snapshot))
            .OfType<SectorPage>()
            .Where(s => s.Code.Length > 0)
            .Select(s => (s.Code, s.Name))
            .DistinctBy(s => s.Code)];
    }

    public async Task<EditableAward?> FindAwardAsync(int id, CancellationToken ct = default)
    {
        // The stamp is the row's UpdatedUtc as read back (ticks taken here, never computed by the database).
        await using var db = dbFactory.CreateDbContext();
        return await db.Awards.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } a
            ? new EditableAward(a.Id, a.Year, a.CertificateNumber, a.SectorCode, a.Top10, a.ValidUntil, a.ProductNameVi, a.ProductNameEn, a.EnterpriseNameVi, a.EnterpriseNameEn,
                a.EnterpriseTaxCode, a.ProductKey, a.EnterpriseKey, a.UpdatedUtc.Ticks)
            : null;
    }

    public async Task<EditableCycle?> FindCycleAsync(int year, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.AwardCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Year == year, ct) is { } c
            ? new EditableCycle(c.Year, c.Status, c.DecisionNumber, c.DecisionDate, c.CouncilDate, c.CeremonyDate, c.UpdatedUtc.Ticks)
            : null;
    }

    /// <summary>The years a new cycle may be opened for: from the programme's first to two years ahead, without a cycle yet.</summary>
    public IReadOnlyList<int> OpenYears()
    {
        var last = registry.Today.Year + 2;
        return [.. Enumerable.Range(RegistryOptions.FirstYear, last - RegistryOptions.FirstYear + 1).Where(y => registry.Current.Cycle(y) is null).Reverse()];
    }

    public async Task<RegistryEditResult> UpdateAwardAsync(int id, AwardChanges changes, string user, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await db.Awards.FirstOrDefaultAsync(a => a.Id == id, ct) is not { } award)
        {
            return RegistryEditResult.NotFound;
        }

        if (changes.Stamp != award.UpdatedUtc.Ticks)
        {
            return RegistryEditResult.Conflict;
        }

        var errors = new Dictionary<string, RegistryEditError>(StringComparer.Ordinal);
        var certificate = Text(changes.CertificateNumber, nameof(changes.CertificateNumber), CertificateMax, required: true, errors);
        if (!errors.ContainsKey(nameof(changes.CertificateNumber)))
        {
            if (!RegistryImporter.CertificatePattern().IsMatch(certificate))
            {
                errors[nameof(changes.CertificateNumber)] = RegistryEditError.CertificatePattern;
            }
            else if (RegistrySnapshot.NormaliseCertificate(certificate) != RegistrySnapshot.NormaliseCertificate(award.CertificateNumber)
                && (await db.Awards.Where(a => a.Id != id).Select(a => a.CertificateNumber).ToListAsync(ct))
                    .Any(n => RegistrySnapshot.NormaliseCertificate(n) == RegistrySnapshot.NormaliseCertificate(certificate)))
            {
                errors[nameof(changes.CertificateNumber)] = RegistryEditError.CertificateTaken;
            }
        }

        var sector = changes.SectorCode?.Trim() ?? "";
        if (sector != award.SectorCode && !Sectors("vi").Any(s => s.Code == sector))
        {
            errors[nameof(changes.SectorCode)] = RegistryEditError.UnknownSector;
        }

        var validUntil = Date(changes.ValidUntil, nameof(changes.ValidUntil), required: true, errors);
        var decision = await db.AwardCycles.AsNoTracking().Where(c => c.Year == award.Year).Select(c => c.DecisionDate).FirstOrDefaultAsync(ct);
        if (validUntil is { } until && decision is { } decided && until < decided)
        {
            errors[nameof(changes.ValidUntil)] = RegistryEditError.BeforeDecision;
        }

        var productVi = Text(changes.ProductNameVi, nameof(changes.ProductNameVi), NameMax, required: true, errors);
        var productEn = Text(changes.ProductNameEn, nameof(changes.ProductNameEn), NameMax, required: false, errors);
        var enterpriseVi = Text(changes.EnterpriseNameVi, nameof(changes.EnterpriseNameVi), NameMax, required: true, errors);
        var enterpriseEn = Text(changes.EnterpriseNameEn, nameof(changes.EnterpriseNameEn), NameMax, required: false, errors);
        if (errors.Count > 0)
        {
            return RegistryEditResult.Invalid(errors);
        }

        award.CertificateNumber = certificate;
        award.SectorCode = sector;
        award.Top10 = changes.Top10;
        award.ValidUntil = validUntil!.Value;
        award.ProductNameVi = productVi;
        award.ProductNameEn = productEn;
        award.EnterpriseNameVi = enterpriseVi;
        award.EnterpriseNameEn = enterpriseEn;
        award.UpdatedUtc = Now(award.UpdatedUtc);
        return await CommitAsync(db, $"award {award.Id} ({award.CertificateNumber}, {award.Year}) edited by {user}", 0, ct);
    }

    /// <summary>
    /// Saves a year's cycle (<paramref name="create"/>: opens a year that has none). When the decision date changes,
    /// the validity of that year's awards that followed the old date (the default, three years on) follows the new
    /// one; validity set by hand or by the decision list stays.
    /// </summary>
    public async Task<RegistryEditResult> SaveCycleAsync(int year, CycleChanges changes, bool create, string user, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var cycle = await db.AwardCycles.FirstOrDefaultAsync(c => c.Year == year, ct);
        var errors = new Dictionary<string, RegistryEditError>(StringComparer.Ordinal);
        if (create)
        {
            if (cycle is not null)
            {
                errors[nameof(year)] = RegistryEditError.CycleExists;
            }
            else if (year < RegistryOptions.FirstYear || year > registry.Today.Year + 2)
            {
                errors[nameof(year)] = RegistryEditError.YearOutOfRange;
            }
        }
        else if (cycle is null)
        {
            return RegistryEditResult.NotFound;
        }
        else if (changes.Stamp != cycle.UpdatedUtc.Ticks)
        {
            return RegistryEditResult.Conflict;
        }

        if (!Enum.TryParse<CycleStatus>(changes.Status, ignoreCase: false, out var status) || !Enum.IsDefined(status) || int.TryParse(changes.Status, out _))
        {
            errors[nameof(changes.Status)] = RegistryEditError.UnknownStatus;
        }

        var number = Text(changes.DecisionNumber, nameof(changes.DecisionNumber), DecisionNumberMax, required: false, errors);
        var decisionDate = Date(changes.DecisionDate, nameof(changes.DecisionDate), required: false, errors);
        var councilDate = Date(changes.CouncilDate, nameof(changes.CouncilDate), required: false, errors);
        var ceremonyDate = Date(changes.CeremonyDate, nameof(changes.CeremonyDate), required: false, errors);
        foreach (var (field, date) in new[] { (nameof(changes.DecisionDate), decisionDate), (nameof(changes.CouncilDate), councilDate), (nameof(changes.CeremonyDate), ceremonyDate) })
        {
            if (date is { } d && (d.Year < year || d.Year > year + 1))
            {
                errors[field] = RegistryEditError.DateOutsideYear;
            }
        }

        var hasAwards = await db.Awards.AnyAsync(a => a.Year == year, ct);
        if ((status == CycleStatus.Recognised || hasAwards) && !errors.ContainsKey(nameof(changes.Status)))
        {
            if (number.Length == 0 && !errors.ContainsKey(nameof(changes.DecisionNumber)))
            {
                errors[nameof(changes.DecisionNumber)] = RegistryEditError.DecisionRequired;
            }

            if (decisionDate is null && !errors.ContainsKey(nameof(changes.DecisionDate)))
            {
                errors[nameof(changes.DecisionDate)] = RegistryEditError.DecisionRequired;
            }
        }

        if (errors.Count > 0)
        {
            return RegistryEditResult.Invalid(errors);
        }

        if (cycle is null)
        {
            cycle = new AwardCycleEntity { Year = year };
            db.AwardCycles.Add(cycle);
        }

        var followed = 0;
        if (cycle.DecisionDate is { } oldDate && decisionDate is { } newDate && oldDate != newDate)
        {
            var oldDefault = Default(oldDate);
            var awards = await db.Awards.Where(a => a.Year == year && a.ValidUntil == oldDefault).ToListAsync(ct);
            foreach (var award in awards)
            {
                award.ValidUntil = Default(newDate);
                award.UpdatedUtc = Now(award.UpdatedUtc);
            }

            followed = awards.Count;
        }

        cycle.Status = status.ToString();
        cycle.DecisionNumber = number;
        cycle.DecisionDate = decisionDate;
        cycle.CouncilDate = councilDate;
        cycle.CeremonyDate = ceremonyDate;
        cycle.UpdatedUtc = Now(cycle.UpdatedUtc);
        return await CommitAsync(db, $"cycle {year} {(create ? "opened" : "edited")} by {user}", followed, ct);
    }

    private DateOnly Default(DateOnly decision) => decision.AddYears(options.Value.ValidityYears).AddDays(-1);

    /// <summary>The time of a save, always later than the row's last one, so that the concurrency stamp changes.</summary>
    private DateTime Now(DateTime previous)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now > previous ? now : previous.AddTicks(10);
    }

    private async Task<RegistryEditResult> CommitAsync(SiteDbContext db, string what, int awardsFollowed, CancellationToken ct)
    {
        var change = new ContentChange(ContentChangeKind.RefreshRegistry, []);
        dispatcher.Record(db, [change]);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A unique index (a certificate number saved elsewhere a moment ago): nothing was written.
            return RegistryEditResult.Conflict;
        }

        await dispatcher.DispatchLocalAsync([change], ct);
        return new RegistryEditResult(RegistryEditStatus.Saved, new Dictionary<string, RegistryEditError>(), what, awardsFollowed);
    }

    private static string Text(string? value, string field, int max, bool required, Dictionary<string, RegistryEditError> errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0 && required)
        {
            errors[field] = RegistryEditError.Required;
        }
        else if (text.Length > max)
        {
            errors[field] = RegistryEditError.TooLong;
        }
        else if (text.Any(char.IsControl))
        {
            errors[field] = RegistryEditError.Characters;
        }

        return text;
    }

    /// <summary>A date as a date input sends it (<c>yyyy-MM-dd</c>), or as people write it (<c>dd/MM/yyyy</c>).</summary>
    private static DateOnly? Date(string? value, string field, bool required, Dictionary<string, RegistryEditError> errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            if (required)
            {
                errors[field] = RegistryEditError.Required;
            }

            return null;
        }

        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = RegistryEditError.NotADate;
        return null;
    }
}

/// <summary>An award as the edit screen shows it; <see cref="Stamp"/> detects a save made by someone else meanwhile.</summary>
public sealed record EditableAward(
    int Id,
    int Year,
    string CertificateNumber,
    string SectorCode,
    bool Top10,
    DateOnly ValidUntil,
    string ProductNameVi,
    string ProductNameEn,
    string EnterpriseNameVi,
    string EnterpriseNameEn,
    string EnterpriseTaxCode,
    Guid ProductKey,
    Guid EnterpriseKey,
    long Stamp);

public sealed record EditableCycle(int Year, string Status, string DecisionNumber, DateOnly? DecisionDate, DateOnly? CouncilDate, DateOnly? CeremonyDate, long Stamp);

/// <summary>An award's editable fields as typed (dates as text: the editor reads them and says when it cannot).</summary>
public sealed record AwardChanges(
    string? CertificateNumber,
    string? SectorCode,
    bool Top10,
    string? ValidUntil,
    string? ProductNameVi,
    string? ProductNameEn,
    string? EnterpriseNameVi,
    string? EnterpriseNameEn,
    long Stamp);

public sealed record CycleChanges(string? Status, string? DecisionNumber, string? DecisionDate, string? CouncilDate, string? CeremonyDate, long Stamp);

/// <param name="Summary">For the audit log: what was saved.</param>
/// <param name="AwardsFollowed">How many awards' validity followed a changed decision date.</param>
public sealed record RegistryEditResult(RegistryEditStatus Status, IReadOnlyDictionary<string, RegistryEditError> Errors, string Summary = "", int AwardsFollowed = 0)
{
    public static readonly RegistryEditResult NotFound = new(RegistryEditStatus.NotFound, new Dictionary<string, RegistryEditError>());

    public static readonly RegistryEditResult Conflict = new(RegistryEditStatus.Conflict, new Dictionary<string, RegistryEditError>());

    public bool Succeeded => Status == RegistryEditStatus.Saved;

    public static RegistryEditResult Invalid(IReadOnlyDictionary<string, RegistryEditError> errors) => new(RegistryEditStatus.Invalid, errors);
}

public enum RegistryEditStatus
{
    Saved,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>Why a field was refused; each has <c>BackOffice.Registry.Error.{name}</c> in the dictionary.</summary>
public enum RegistryEditError
{
    Required,
    TooLong,
    Characters,
    NotADate,
    CertificatePattern,
    CertificateTaken,
    UnknownSector,
    BeforeDecision,
    UnknownStatus,
    DateOutsideYear,
    DecisionRequired,
    YearOutOfRange,
    CycleExists,
}
