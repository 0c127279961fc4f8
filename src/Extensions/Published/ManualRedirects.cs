using Microsoft.EntityFrameworkCore;
using Spcncl.Content.Notifications;
using Spcncl.Persistence;
using Spcncl.Persistence.Entities;

namespace Spcncl.Published;

/// <summary>
/// Redirects editors add by hand: an old address (of the previous site, a printed leaflet) answers 301 to a local
/// one. Each change is one transaction with its change instruction, so every instance's snapshot reloads its
/// redirects. Refused: targets off the site, old paths that are live pages or already redirected, and loops (a
/// chain of redirects that comes back to where it started, however long).
/// </summary>
public sealed class ManualRedirects(SiteDbContextFactory dbFactory, ContentChangeDispatcher dispatcher, PublishedSnapshotService snapshots, TimeProvider clock)
{
    public const int MaxLength = 900;

    /// <summary>How many redirects in a row are followed when looking for a loop; a longer chain is refused too.</summary>
    public const int MaxChain = 20;

    /// <summary>The manual redirects, by old path.</summary>
    public IReadOnlyList<ManualRedirectEntry> All => [.. snapshots.Current.ManualRedirects.OrderBy(r => r.Path, StringComparer.Ordinal)];

    public async Task<ManualRedirectAttempt> AddAsync(string? path, string? target, string user, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, ManualRedirectError>(StringComparer.Ordinal);
        var source = CheckPath(path, errors);
        var destination = CheckTarget(target, errors);
        if (errors.Count > 0)
        {
            return ManualRedirectAttempt.Invalid(errors);
        }

        await using var db = dbFactory.CreateDbContext();
        var existing = await db.ManualRedirects.AsNoTracking().ToDictionaryAsync(r => r.Path, r => r.Target, StringComparer.Ordinal, ct);
        var snapshot = snapshots.Current;
        if (existing.ContainsKey(source!))
        {
            errors[nameof(path)] = ManualRedirectError.PathTaken;
        }
        else if (IsPage(snapshot, source!))
        {
            errors[nameof(path)] = ManualRedirectError.PathIsAPage;
        }
        else if (snapshot.AutomaticTarget(source!) is not null)
        {
            errors[nameof(path)] = ManualRedirectError.PathRedirectedAutomatically;
        }
        else if (LeadsBack(snapshot, existing, source!, destination!))
        {
            errors[nameof(target)] = ManualRedirectError.Loop;
        }

        if (errors.Count > 0)
        {
            return ManualRedirectAttempt.Invalid(errors);
        }

        var entity = new ManualRedirectEntity { Path = source!, Target = destination!, CreatedBy = user, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        db.ManualRedirects.Add(entity);
        dispatcher.Record(db, [new ContentChange(ContentChangeKind.RefreshRedirects, [])]);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone added the same old path a moment ago (the unique index said so).
            return ManualRedirectAttempt.Invalid(new Dictionary<string, ManualRedirectError> { [nameof(path)] = ManualRedirectError.PathTaken });
        }

        await dispatcher.DispatchLocalAsync([new ContentChange(ContentChangeKind.RefreshRedirects, [])], ct);
        return new ManualRedirectAttempt(new ManualRedirectEntry(entity.Id, entity.Path, entity.Target, entity.CreatedBy, entity.CreatedUtc), new Dictionary<string, ManualRedirectError>());
    }

    /// <summary>Removes a manual redirect; returns what was removed, or null when there was no such redirect.</summary>
    public async Task<ManualRedirectEntry?> RemoveAsync(int id, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await db.ManualRedirects.FirstOrDefaultAsync(r => r.Id == id, ct) is not { } entity)
        {
            return null;
        }

        db.ManualRedirects.Remove(entity);
        dispatcher.Record(db, [new ContentChange(ContentChangeKind.RefreshRedirects, [])]);
        await db.SaveChangesAsync(ct);
        await dispatcher.DispatchLocalAsync([new ContentChange(ContentChangeKind.RefreshRedirects, [])], ct);
        return new ManualRedirectEntry(entity.Id, entity.Path, entity.Target, entity.CreatedBy, entity.CreatedUtc);
    }

    private static string? CheckPath(string? path, Dictionary<string, ManualRedirectError> errors)
    {
        var text = path?.Trim() ?? "";
        ManualRedirectError? error = text switch
        {
            "" => ManualRedirectError.Required,
            { Length: > MaxLength } => ManualRedirectError.TooLong,
            _ when !IsLocal(text) => ManualRedirectError.NotLocal,
            _ when text.IndexOfAny(['?', '#']) >= 0 => ManualRedirectError.PathHasQuery,
            _ => null,
        };
        if (error is null)
        {
            var normalised = ManualRedirectPaths.Normalise(Unescape(text));
            if (normalised == "/" || normalised == "/backoffice" || normalised.StartsWith("/backoffice/", StringComparison.Ordinal))
            {
                error = ManualRedirectError.PathReserved;
            }
            else
            {
                return normalised;
            }
        }

        errors["path"] = error.Value;
        return null;
    }

    private static string? CheckTarget(string? target, Dictionary<string, ManualRedirectError> errors)
    {
        var text = target?.Trim() ?? "";
        ManualRedirectError? error = text switch
        {
            "" => ManualRedirectError.Required,
            { Length: > MaxLength } => ManualRedirectError.TooLong,
            _ when !IsLocal(text) => ManualRedirectError.NotLocal,
            _ => null,
        };
        if (error is null)
        {
            return text;
        }

        errors["target"] = error.Value;
        return null;
    }

    /// <summary>A path on this site: one leading slash (not <c>//host</c> or <c>/\host</c>), no spaces, no control characters.</summary>
    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));

    private static string Unescape(string path)
    {
        try
        {
            return Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return path;
        }
    }

    /// <summary>A target's path as the redirect table spells paths (no query, no fragment).</summary>
    private static string PathOf(string target) =>
        ManualRedirectPaths.Normalise(Unescape(target.Split('?', '#')[0]));

    private static bool IsPage(PublishedSnapshot snapshot, string path) =>
        snapshot.Match(path) is not null || snapshot.Match(path + "/") is not null;

    /// <summary>
    /// Follows the new redirect's target through the redirects that exist (a live page ends the chain) and says
    /// whether it comes back to a path already passed, or goes on for longer than <see cref="MaxChain"/>.
    /// </summary>
    private static bool LeadsBack(PublishedSnapshot snapshot, Dictionary<string, string> manual, string source, string target)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { source };
        var next = PathOf(target);
        for (var hop = 0; hop < MaxChain; hop++)
        {
            if (!seen.Add(next))
            {
                return true;
            }

            if (IsPage(snapshot, next))
            {
                return false;
            }

            if (snapshot.AutomaticTarget(next) is { } automatic)
            {
                next = PathOf(automatic);
            }
            else if (manual.TryGetValue(next, out var further))
            {
                next = PathOf(further);
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>How old paths are compared: lower case, without a trailing slash (the request's path is spelt the same way before lookup).</summary>
public static class ManualRedirectPaths
{
    public static string Normalise(string path)
    {
        var lower = path.ToLowerInvariant();
        var trimmed = lower.Length > 1 ? lower.TrimEnd('/') : lower;
        return trimmed.Length == 0 ? "/" : trimmed;
    }
}

/// <summary>The outcome of adding a manual redirect: the redirect, or what was wrong with each field (<c>path</c>, <c>target</c>).</summary>
public sealed record ManualRedirectAttempt(ManualRedirectEntry? Redirect, IReadOnlyDictionary<string, ManualRedirectError> Errors)
{
    public bool Succeeded => Redirect is not null;

    public static ManualRedirectAttempt Invalid(IReadOnlyDictionary<string, ManualRedirectError> errors) => new(null, errors);
}

/// <summary>Why a manual redirect was refused; each has <c>BackOffice.Redirects.Error.{name}</c> in the dictionary.</summary>
public enum ManualRedirectError
{
    Required,
    TooLong,
    NotLocal,
    PathHasQuery,
    PathReserved,
    PathTaken,
    PathIsAPage,
    PathRedirectedAutomatically,
    Loop,
}
