using Microsoft.EntityFrameworkCore;
using Spcncl.Content.DocumentTypes;
using Spcncl.Content.Notifications;
using Spcncl.Localization;
using Spcncl.Persistence;

namespace Spcncl.Content.Documents;

/// <inheritdoc cref="IContentService"/>
public sealed class ContentService(
    SiteDbContextFactory dbFactory,
    DocumentTypeRegistry types,
    SiteCultures siteCultures,
    IPublishedRouteLookup routes,
    ContentChangeDispatcher dispatcher,
    TimeProvider clock) : IContentService
{
    public async Task<Document?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var entity = await db.Documents.AsNoTracking().Include(d => d.Cultures).FirstOrDefaultAsync(d => d.Id == id, ct);
        return entity is null ? null : ContentWriter.ToDocument(entity);
    }

    public async Task<Document?> GetByKeyAsync(Guid key, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var entity = await db.Documents.AsNoTracking().Include(d => d.Cultures).FirstOrDefaultAsync(d => d.Key == key, ct);
        return entity is null ? null : ContentWriter.ToDocument(entity);
    }

    public async Task<IReadOnlyList<Document>> GetChildrenAsync(int? parentId, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var entities = await db.Documents.AsNoTracking().Include(d => d.Cultures)
            .Where(d => d.ParentId == parentId && !d.Trashed)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .ToListAsync(ct);
        return [.. entities.Select(ContentWriter.ToDocument)];
    }

    public async Task<IReadOnlyList<Document>> GetRecycleBinAsync(CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var entities = await db.Documents.AsNoTracking().Include(d => d.Cultures)
            .Where(d => d.Trashed && d.TrashedWithId == d.Id)
            .OrderByDescending(d => d.UpdatedUtc)
            .ToListAsync(ct);
        return [.. entities.Select(ContentWriter.ToDocument)];
    }

    public async Task<IReadOnlyList<DocumentSummary>> ListAsync(IReadOnlyCollection<string>? types = null, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var documents = db.Documents.AsNoTracking().Where(d => !d.Trashed);
        if (types is { Count: > 0 })
        {
            var list = types.ToList();
            documents = documents.Where(d => list.Contains(d.ContentType));
        }

        var rows = await documents.Select(d => new { d.Id, d.Key, d.ParentId, d.SortOrder, d.ContentType }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToHashSet();
        var variants = (await db.DocumentCultures.AsNoTracking()
                .Where(c => !c.Document!.Trashed)
                .Select(c => new { c.DocumentId, c.Culture, c.Name, c.IsPublished, c.Edited, c.UpdatedUtc, c.UpdatedBy })
                .ToListAsync(ct))
            .Where(c => ids.Contains(c.DocumentId))
            .ToLookup(c => c.DocumentId);
        return [.. rows.Select(r => new DocumentSummary(r.Id, r.Key, r.ParentId, r.SortOrder, r.ContentType,
            variants[r.Id].ToDictionary(v => v.Culture, v => new VariantSummary(v.Name, v.IsPublished, v.Edited, v.UpdatedUtc, v.UpdatedBy), StringComparer.Ordinal)))];
    }

    public async Task<IReadOnlyList<DocumentReference>> FindReferencesAsync(Guid key, CancellationToken ct = default)
    {
        // The database narrows by text (the key with or without hyphens, any case); each candidate is then read as JSON,
        // which also says where the key appears and drops chance matches.
        var (withHyphens, plain) = (key.ToString("D"), key.ToString("N"));
        await using var db = dbFactory.CreateDbContext();

        // ToLower and Contains here become SQL (lower(), instr/strpos) on both providers; no .NET culture is involved.
#pragma warning disable CA1304, CA1311, CA1862
        var candidates = await db.Documents.AsNoTracking().Include(d => d.Cultures)
            .Where(d => d.SharedValues.ToLower().Contains(withHyphens) || d.SharedValues.ToLower().Contains(plain)
                || (d.PublishedSharedValues != null && (d.PublishedSharedValues.ToLower().Contains(withHyphens) || d.PublishedSharedValues.ToLower().Contains(plain)))
                || d.Cultures.Any(c => c.Values.ToLower().Contains(withHyphens) || c.Values.ToLower().Contains(plain)
                    || (c.PublishedValues != null && (c.PublishedValues.ToLower().Contains(withHyphens) || c.PublishedValues.ToLower().Contains(plain)))))
            .OrderBy(d => d.Id)
            .ToListAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862

        var references = new List<DocumentReference>();
        foreach (var document in candidates)
        {
            var places = new List<ReferencePlace>();
            places.AddRange(ContentReferences.Aliases(document.SharedValues, key).Select(alias => new ReferencePlace(alias, null, false)));
            places.AddRange(ContentReferences.Aliases(document.PublishedSharedValues, key).Select(alias => new ReferencePlace(alias, null, true)));
            foreach (var culture in document.Cultures.OrderBy(c => c.Culture, StringComparer.Ordinal))
            {
                places.AddRange(ContentReferences.Aliases(culture.Values, key).Select(alias => new ReferencePlace(alias, culture.Culture, false)));
                places.AddRange(ContentReferences.Aliases(culture.PublishedValues, key).Select(alias => new ReferencePlace(alias, culture.Culture, true)));
            }

            if (places.Count > 0)
            {
                var names = document.Cultures.OrderBy(c => c.Culture, StringComparer.Ordinal).ToDictionary(c => c.Culture, c => c.Name, StringComparer.Ordinal);
                references.Add(new DocumentReference(document.Id, document.Key, document.ContentType, document.Trashed, names, places));
            }
        }

        return references;
    }

    public Task<ContentAttempt<Document>> CreateAsync(CreateDocumentRequest request, string user, CancellationToken ct = default) =>
        RunAsync((w, c) => w.CreateAsync(request, user, c), ct);

    public Task<ContentAttempt<Document>> SaveAsync(SaveDocumentRequest request, string user, CancellationToken ct = default) =>
        RunAsync((w, c) => w.SaveAsync(request, user, c), ct);

    public Task<ContentAttempt<Document>> PublishAsync(int id, IReadOnlyCollection<string> cultures, string user, int? basedOnRevision = null, CancellationToken ct = default) =>
        RunAsync((w, c) => w.PublishAsync(id, cultures, user, basedOnRevision, c), ct);

    public Task<ContentAttempt<Document>> UnpublishAsync(int id, IReadOnlyCollection<string> cultures, string user, CancellationToken ct = default) =>
        RunAsync((w, c) => w.UnpublishAsync(id, cultures, user, c), ct);

    public Task<ContentAttempt<Document>> MoveAsync(int id, int? newParentId, string user, CancellationToken ct = default) =>
        RunAsync((w, c) => w.MoveAsync(id, newParentId, user, c), ct);

    public Task<ContentAttempt<IReadOnlyList<int>>> SortAsync(int? parentId, IReadOnlyList<int> orderedChildIds, string user, CancellationToken ct = default) =>
        RunAsync((w, c) => w.SortAsync(parentId, orderedChildIds, user, c), ct);

    public Task<ContentAttempt<Document>> MoveToRecycleBinAsync(int id, string user, CancellationToken ct = default) =>
        RunAsync((w, c) => w.MoveToRecycleBinAsync(id, user, c), ct);

    public Task<ContentAttempt<Document>> RestoreAsync(int id, string user, int? toParentId = null, CancellationToken ct = default) =>
        RunAsync((w, c) => w.RestoreAsync(id, toParentId, user, c), ct);

    public Task<ContentAttempt<int>> DeleteAsync(int id, string user, CancellationToken ct = default) =>
        RunAsync((w, c) => w.DeleteAsync(id, user, c), ct);

    public async Task<IReadOnlyList<DocumentVersion>> GetVersionsAsync(int id, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var rows = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == id).OrderByDescending(v => v.Id).ToListAsync(ct);
        return [.. rows.Select(ToVersion)];
    }

    public async Task<DocumentVersion?> GetVersionAsOfAsync(int id, DateTime utc, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var row = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == id && v.CreatedUtc <= utc).OrderByDescending(v => v.Revision).FirstOrDefaultAsync(ct);
        return row is null ? null : ToVersion(row);
    }

    private static DocumentVersion ToVersion(Persistence.Entities.DocumentVersionEntity v) =>
        new(v.Id, v.DocumentId, v.Revision, v.CreatedUtc, v.CreatedBy, v.Action, v.Cultures.Split(',', StringSplitOptions.RemoveEmptyEntries), ContentJson.ReadData(v.Data));

    public Task<ContentAttempt<Document>> RollbackAsync(int id, long versionId, int basedOnRevision, string user, IReadOnlyCollection<string>? onlyCultures = null, CancellationToken ct = default) =>
        RunAsync((w, c) => w.RollbackAsync(id, versionId, basedOnRevision, onlyCultures, user, c), ct);

    /// <summary>Opens a scope for several operations in one transaction (importers). The caller completes it.</summary>
    public Task<ContentScope> BeginScopeAsync(CancellationToken ct = default) =>
        ContentScope.BeginAsync(dbFactory, dispatcher, types.Current, siteCultures, routes, clock.GetUtcNow().UtcDateTime, ct);

    private async Task<ContentAttempt<T>> RunAsync<T>(Func<ContentWriter, CancellationToken, Task<ContentAttempt<T>>> operation, CancellationToken ct)
    {
        await using var scope = await BeginScopeAsync(ct);
        var result = await operation(scope.Writer, ct);
        if (result.Succeeded)
        {
            await scope.CompleteAsync(ct);
        }

        return result;
    }
}
