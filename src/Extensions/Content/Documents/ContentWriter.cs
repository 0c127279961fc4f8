using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Spcncl.Content.DocumentTypes;
using Spcncl.Content.Notifications;
using Spcncl.Localization;
using Spcncl.Persistence;
using Spcncl.Persistence.Entities;

namespace Spcncl.Content.Documents;

/// <summary>
/// The content operations themselves, working inside one <see cref="ContentScope"/> (one database transaction).
/// Every expected failure returns before anything is written; the scope's transaction is only committed by the caller.
/// </summary>
internal sealed class ContentWriter(
    SiteDbContext db,
    DocumentTypeSet types,
    SiteCultures cultures,
    IPublishedRouteLookup routes,
    DateTime now,
    List<ContentChange> changes)
{
    private const int MaxNameLength = 400;
    private const long SiblingLockBase = 0x5350_434E_0000_0000;

    public async Task<ContentAttempt<Document>> CreateAsync(CreateDocumentRequest request, string user, CancellationToken ct)
    {
        var result = await CreateManyAsync([request], user, ct);
        return result.Failures.Count > 0 ? result.Failures[0].Failure : ContentAttempt<Document>.Success(result.Documents[0]);
    }

    /// <summary>
    /// Creates many documents in one go (importers): siblings' segments, parents and sort orders are read once per
    /// parent, everything is validated first, and nothing is written unless every request is valid.
    /// </summary>
    public async Task<BulkCreateResult> CreateManyAsync(IReadOnlyList<CreateDocumentRequest> requests, string user, CancellationToken ct)
    {
        var failures = new List<(int Index, ContentAttempt<Document> Failure)>();
        var parents = new Dictionary<int, DocumentEntity?>();
        var siblingSegments = new Dictionary<int, Dictionary<string, HashSet<string>>>();
        var nextSortOrder = new Dictionary<int, int>();
        var fixedKeys = requests.Where(r => r.Key is not null).Select(r => r.Key!.Value).ToList();
        var takenKeys = fixedKeys.Count == 0 ? [] : (await db.Documents.Where(d => fixedKeys.Contains(d.Key)).Select(d => d.Key).ToListAsync(ct)).ToHashSet();
        var entities = new List<DocumentEntity>(requests.Count);
        var indexOf = new Dictionary<DocumentEntity, int>(ReferenceEqualityComparer.Instance);
        const int Root = -1;

        foreach (var parentId in requests.Select(r => r.ParentId).Distinct())
        {
            await LockSiblingsAsync(parentId, ct);
        }

        for (var index = 0; index < requests.Count; index++)
        {
            var request = requests[index];
            var parentKey = request.ParentId ?? Root;
            if (request.ParentId is { } pid && !parents.ContainsKey(pid))
            {
                parents[pid] = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == pid, ct);
            }

            if (!siblingSegments.TryGetValue(parentKey, out var siblings))
            {
                siblings = siblingSegments[parentKey] = await SiblingSegmentsAsync(request.ParentId, excludeId: null, ct);
                nextSortOrder[parentKey] = await NextSortOrderAsync(request.ParentId, ct);
            }

            var prepared = PrepareCreate(request, request.ParentId is { } p ? parents[p] : null, siblings, takenKeys, user);
            if (prepared.Failure is { } failure)
            {
                failures.Add((index, failure));
                continue;
            }

            var entity = prepared.Entity!;
            foreach (var variant in entity.Cultures)
            {
                (siblings.TryGetValue(variant.Culture, out var set) ? set : siblings[variant.Culture] = new HashSet<string>(StringComparer.Ordinal)).Add(variant.UrlSegment);
            }

            if (request.Key is { } key)
            {
                takenKeys.Add(key);
            }

            entity.SortOrder = request.SortOrder ?? nextSortOrder[parentKey]++;
            entities.Add(entity);
            indexOf[entity] = index;
        }

        foreach (var group in entities.GroupBy(e => e.ContentType))
        {
            var batch = group.ToList();
            foreach (var (error, position) in await UniqueErrorsAsync(types[group.Key], batch, ct))
            {
                failures.Add((indexOf[batch[position]], Invalid(error)));
            }
        }

        if (failures.Count > 0)
        {
            return new BulkCreateResult([], failures);
        }

        foreach (var entity in entities)
        {
            db.Documents.Add(entity);
            AddVersion(entity, user, "Created", entity.Cultures.Select(c => c.Culture));
        }

        await db.SaveChangesAsync(ct);
        foreach (var entity in entities)
        {
            Audit(user, "Create", entity.Id, entity.Cultures.Select(c => c.Culture), $"{entity.ContentType} '{entity.Cultures.First(c => c.Culture == cultures.Default.Code).Name}'");
        }

        await db.SaveChangesAsync(ct);
        return new BulkCreateResult([.. entities.Select(ToDocument)], []);
    }

    private (DocumentEntity? Entity, ContentAttempt<Document>? Failure) PrepareCreate(
        CreateDocumentRequest request,
        DocumentEntity? parent,
        Dictionary<string, HashSet<string>> siblings,
        HashSet<Guid> takenKeys,
        string user)
    {
        if (!types.TryGet(request.ContentType, out var type))
        {
            return (null, Invalid(new ContentError(null, null, "contentType", $"'{request.ContentType}' is not a document type")));
        }

        if (request.ParentId is null)
        {
            if (!type.AllowAtRoot)
            {
                return (null, ContentAttempt<Document>.Fail(ContentStatus.NotAllowed, new ContentError(null, null, "notAllowed", $"a {type.Alias} cannot be created at the root")));
            }
        }
        else
        {
            if (parent is null || parent.Trashed)
            {
                return (null, ContentAttempt<Document>.Fail(ContentStatus.NotFound, new ContentError(null, null, "parent", $"the parent document {request.ParentId} does not exist")));
            }

            if (!types.TryGet(parent.ContentType, out var parentType) || !parentType.AllowsChild(type.Alias))
            {
                return (null, ContentAttempt<Document>.Fail(ContentStatus.NotAllowed, new ContentError(null, null, "notAllowed", $"a {type.Alias} cannot be created under a {parent.ContentType}")));
            }
        }

        if (request.Key is { } fixedKey && takenKeys.Contains(fixedKey))
        {
            return (null, Invalid(new ContentError(null, null, "key", $"a document with key {fixedKey} already exists")));
        }

        if (CheckCultures(type, request.Cultures.Keys) is { } cultureCheck)
        {
            return (null, cultureCheck);
        }

        if (!request.Cultures.ContainsKey(cultures.Default.Code))
        {
            return (null, ContentAttempt<Document>.Fail(ContentStatus.CultureRequired, new ContentError(null, cultures.Default.Code, "cultureRequired", $"a new document needs its {cultures.Default.Code} name")));
        }

        var errors = new List<ContentError>();
        var entity = new DocumentEntity
        {
            Key = request.Key ?? Guid.NewGuid(),
            ParentId = request.ParentId,
            ContentType = type.Alias,
            CreatedUtc = now,
            CreatedBy = user,
            UpdatedUtc = now,
            UpdatedBy = user,
            Revision = 1,
        };

        var shared = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        ApplyValues(type, shared, request.SharedValues, culture: null, errors);
        entity.SharedValues = ContentJson.WriteValues(shared);
        foreach (var (culture, input) in request.Cultures)
        {
            var variant = new DocumentCultureEntity { Culture = culture, CreatedUtc = now, CreatedBy = user, UpdatedUtc = now, UpdatedBy = user };
            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            ApplyVariant(type, variant, values, input, siblings.GetValueOrDefault(culture), errors);
            variant.Values = ContentJson.WriteValues(values);
            entity.Cultures.Add(variant);
        }

        errors.AddRange(ValidateAll(type, entity));
        return errors.Count > 0 ? (null, Invalid(errors)) : (entity, null);
    }

    public async Task<ContentAttempt<Document>> SaveAsync(SaveDocumentRequest request, string user, CancellationToken ct)
    {
        var entity = await LoadAsync(request.DocumentId, ct);
        if (entity is null)
        {
            return NotFound(request.DocumentId);
        }

        if (entity.Trashed)
        {
            return InRecycleBin();
        }

        if (request.BasedOnRevision != entity.Revision)
        {
            return Conflict(entity, request.BasedOnRevision);
        }

        var type = types[entity.ContentType];
        var inputs = request.Cultures ?? new Dictionary<string, VariantInput>();
        var cultureCheck = CheckCultures(type, inputs.Keys);
        if (cultureCheck is not null)
        {
            return cultureCheck;
        }

        var errors = new List<ContentError>();
        if (request.SharedValues is not null)
        {
            var shared = ContentJson.ReadValues(entity.SharedValues);
            ApplyValues(type, shared, request.SharedValues, culture: null, errors);
            entity.SharedValues = ContentJson.WriteValues(shared);
        }

        if (inputs.Count > 0)
        {
            await LockSiblingsAsync(entity.ParentId, ct);
        }

        var siblings = inputs.Count > 0 ? await SiblingSegmentsAsync(entity.ParentId, entity.Id, ct) : [];
        foreach (var (culture, input) in inputs)
        {
            var variant = entity.Cultures.FirstOrDefault(c => c.Culture == culture);
            if (variant is null)
            {
                variant = new DocumentCultureEntity { Culture = culture, DocumentId = entity.Id, CreatedUtc = now, CreatedBy = user };
                entity.Cultures.Add(variant);
            }

            var values = ContentJson.ReadValues(variant.Values);
            ApplyVariant(type, variant, values, input, siblings.GetValueOrDefault(culture), errors);
            variant.Values = ContentJson.WriteValues(values);
            variant.UpdatedUtc = now;
            variant.UpdatedBy = user;
        }

        errors.AddRange(ValidateAll(type, entity));
        if (request.SharedValues is { Count: > 0 })
        {
            errors.AddRange((await UniqueErrorsAsync(type, [entity], ct)).Select(e => e.Error));
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        RefreshEditedFlags(entity);
        Touch(entity, user);
        var touched = inputs.Keys.ToList();
        AddVersion(entity, user, "Saved", touched.Count > 0 ? touched : entity.Cultures.Select(c => c.Culture));
        Audit(user, "Save", entity.Id, touched, request.SharedValues is { Count: > 0 } ? "shared values changed" : null);
        return await SaveOrConflictAsync(entity, ct);
    }

    public async Task<ContentAttempt<Document>> PublishAsync(int documentId, IReadOnlyCollection<string> requested, string user, int? basedOnRevision, CancellationToken ct)
    {
        var result = await PublishManyAsync([new PublishRequest(documentId, requested, basedOnRevision)], user, ct);
        return result.Failures.Count > 0 ? result.Failures[0].Failure : ContentAttempt<Document>.Success(result.Documents[0]);
    }

    /// <summary>
    /// Publishes many documents in one go (imports): documents, parents and siblings' published segments are read once,
    /// each document is checked as a single publish would be (parents published earlier in the batch count), and
    /// nothing is written unless every one passes.
    /// </summary>
    public async Task<BulkCreateResult> PublishManyAsync(IReadOnlyList<PublishRequest> requests, string user, CancellationToken ct)
    {
        var failures = new List<(int Index, ContentAttempt<Document> Failure)>();
        var ids = requests.Select(r => r.DocumentId).Distinct().ToList();
        var entities = await db.Documents.Include(d => d.Cultures).Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var parentIds = entities.Values.Where(e => e.ParentId is not null).Select(e => e.ParentId!.Value).Distinct().Where(p => !entities.ContainsKey(p)).ToList();
        var parents = await db.Documents.Include(d => d.Cultures).Where(d => parentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var publishedSiblings = new Dictionary<int, Dictionary<string, HashSet<string>>>();
        var defaultCulture = cultures.Default.Code;
        var published = new List<DocumentEntity>();
        const int Root = -1;

        foreach (var parentId in entities.Values.Select(e => e.ParentId).Distinct())
        {
            await LockSiblingsAsync(parentId, ct);
        }

        for (var index = 0; index < requests.Count; index++)
        {
            var request = requests[index];
            ContentAttempt<Document>? Fail(ContentAttempt<Document> failure)
            {
                failures.Add((index, failure));
                return null;
            }

            if (!entities.TryGetValue(request.DocumentId, out var entity))
            {
                Fail(NotFound(request.DocumentId));
                continue;
            }

            if (entity.Trashed)
            {
                Fail(InRecycleBin());
                continue;
            }

            if (request.BasedOnRevision is { } expected && expected != entity.Revision)
            {
                Fail(Conflict(entity, expected));
                continue;
            }

            var type = types[entity.ContentType];
            var toPublish = type.VariesByCulture ? request.Cultures.Distinct().ToList() : [defaultCulture];
            if (toPublish.Count == 0)
            {
                Fail(Invalid(new ContentError(null, null, "cultures", "choose at least one culture to publish")));
                continue;
            }

            if (toPublish.FirstOrDefault(c => !cultures.IsSupported(c)) is { } unknown)
            {
                Fail(Invalid(new ContentError(null, unknown, "culture", $"'{unknown}' is not a site culture")));
                continue;
            }

            if (toPublish.FirstOrDefault(c => entity.Cultures.All(v => v.Culture != c)) is { } absent)
            {
                Fail(ContentAttempt<Document>.Fail(ContentStatus.CultureRequired, new ContentError(null, absent, "cultureMissing", $"there is no {absent} version to publish")));
                continue;
            }

            if (!toPublish.Contains(defaultCulture) && !entity.Cultures.Any(c => c.Culture == defaultCulture && c.IsPublished))
            {
                Fail(ContentAttempt<Document>.Fail(ContentStatus.CultureRequired, new ContentError(null, defaultCulture, "defaultCultureFirst", $"publish the {defaultCulture} version first, or together")));
                continue;
            }

            if (entity.ParentId is { } parentId)
            {
                var parent = entities.GetValueOrDefault(parentId) ?? parents.GetValueOrDefault(parentId);
                var notLive = toPublish.FirstOrDefault(culture => !(parent is not null && !parent.Trashed
                    && CultureRule.ContentCulture(types[parent.ContentType], c => parent.Cultures.Any(v => v.Culture == c && v.IsPublished), culture, defaultCulture) is not null));
                if (notLive is not null)
                {
                    Fail(ContentAttempt<Document>.Fail(ContentStatus.InvalidOperation, new ContentError(null, notLive, "parentNotPublished", $"the parent page is not published in {notLive}")));
                    continue;
                }
            }

            var parentKey = entity.ParentId ?? Root;
            if (!publishedSiblings.TryGetValue(parentKey, out var siblings))
            {
                siblings = publishedSiblings[parentKey] = await SiblingSegmentsAsync(entity.ParentId, excludeId: null, ct, publishedOnly: true);
            }

            var errors = ValidateAll(type, entity).Where(e => e.Culture is null || toPublish.Contains(e.Culture)).ToList();
            foreach (var variant in entity.Cultures.Where(c => toPublish.Contains(c.Culture)))
            {
                // The siblings' set holds this page's own published segment too: only someone else's counts.
                var taken = siblings.GetValueOrDefault(variant.Culture);
                if (taken?.Contains(variant.UrlSegment) == true && variant.PublishedUrlSegment != variant.UrlSegment)
                {
                    errors.Add(new ContentError("segment", variant.Culture, "segmentTaken", $"another published page here already uses '{variant.UrlSegment}'"));
                }
            }

            if (errors.Count > 0)
            {
                Fail(Invalid(errors));
                continue;
            }

            var before = routes.BranchUrls(entity.Id);
            var urlChanged = false;
            foreach (var variant in entity.Cultures.Where(c => toPublish.Contains(c.Culture)))
            {
                urlChanged |= !variant.IsPublished || variant.PublishedUrlSegment != variant.UrlSegment;
                var set = siblings.TryGetValue(variant.Culture, out var existing) ? existing : siblings[variant.Culture] = new HashSet<string>(StringComparer.Ordinal);
                if (variant.PublishedUrlSegment is { } old)
                {
                    set.Remove(old);
                }

                set.Add(variant.UrlSegment);
                variant.IsPublished = true;
                variant.PublishedName = variant.Name;
                variant.PublishedUrlSegment = variant.UrlSegment;
                variant.PublishedValues = variant.Values;
                variant.PublishedUtc = now;
                variant.PublishedBy = user;
            }

            // Shared values go live with whichever culture is published.
            entity.PublishedSharedValues = entity.SharedValues;
            if (urlChanged)
            {
                await WriteRedirectsAsync(before, Pending(entity, entity.ParentId), ct);
            }

            RefreshEditedFlags(entity);
            Touch(entity, user);
            AddVersion(entity, user, "Published", toPublish);
            Audit(user, "Publish", entity.Id, toPublish, null);
            changes.Add(new ContentChange(urlChanged ? ContentChangeKind.RefreshBranch : ContentChangeKind.RefreshDocuments, [entity.Id]));
            published.Add(entity);
        }

        if (failures.Count > 0)
        {
            return new BulkCreateResult([], failures);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            changes.Clear();
            return new BulkCreateResult([], [(0, ContentAttempt<Document>.Fail(ContentStatus.Conflict, new ContentError(null, null, "conflict", "someone else saved one of these pages meanwhile; nothing was overwritten")))]);
        }

        return new BulkCreateResult([.. published.Select(ToDocument)], []);
    }

    public async Task<ContentAttempt<Document>> UnpublishAsync(int documentId, IReadOnlyCollection<string> requested, string user, CancellationToken ct)
    {
        var entity = await LoadAsync(documentId, ct);
        if (entity is null)
        {
            return NotFound(documentId);
        }

        if (entity.Trashed)
        {
            return InRecycleBin();
        }

        var type = types[entity.ContentType];
        var toUnpublish = type.VariesByCulture ? requested.Distinct().ToList() : [cultures.Default.Code];

        // As in Umbraco: without its mandatory culture a page cannot stand, so unpublishing it unpublishes all.
        if (toUnpublish.Contains(cultures.Default.Code))
        {
            toUnpublish = [.. entity.Cultures.Where(c => c.IsPublished).Select(c => c.Culture)];
        }

        var affected = entity.Cultures.Where(c => toUnpublish.Contains(c.Culture) && c.IsPublished).ToList();
        if (affected.Count == 0)
        {
            return ContentAttempt<Document>.Fail(ContentStatus.InvalidOperation, new ContentError(null, null, "notPublished", "nothing to unpublish: the page is not published in those cultures"));
        }

        var before = routes.BranchUrls(entity.Id);
        foreach (var variant in affected)
        {
            ClearPublished(variant);
        }

        if (entity.Cultures.All(c => !c.IsPublished))
        {
            entity.PublishedSharedValues = null;
        }
        else
        {
            // An English page unpublished under a type with fallback lives on at its Vietnamese segment.
            await WriteRedirectsAsync(before, Pending(entity, entity.ParentId), ct);
        }

        RefreshEditedFlags(entity);
        Touch(entity, user);
        var cultureCodes = affected.Select(c => c.Culture).ToList();
        AddVersion(entity, user, "Unpublished", cultureCodes);
        Audit(user, "Unpublish", entity.Id, cultureCodes, null);
        changes.Add(new ContentChange(ContentChangeKind.RefreshBranch, [entity.Id]));
        return await SaveOrConflictAsync(entity, ct);
    }

    public async Task<ContentAttempt<Document>> MoveAsync(int documentId, int? newParentId, string user, CancellationToken ct)
    {
        var entity = await LoadAsync(documentId, ct);
        if (entity is null)
        {
            return NotFound(documentId);
        }

        if (entity.Trashed)
        {
            return InRecycleBin();
        }

        if (entity.ParentId == newParentId)
        {
            return ContentAttempt<Document>.Success(ToDocument(entity));
        }

        var placement = await CheckPlacementAsync(entity, newParentId, ct);
        if (placement is not null)
        {
            return placement;
        }

        await LockSiblingsAsync(newParentId, ct);
        var segmentErrors = await FitSegmentsAsync(entity, newParentId, ct);
        if (segmentErrors.Count > 0)
        {
            return Invalid(segmentErrors);
        }

        await WriteRedirectsAsync(routes.BranchUrls(entity.Id), Pending(entity, newParentId), ct);
        var oldParent = entity.ParentId;
        entity.ParentId = newParentId;
        entity.SortOrder = await NextSortOrderAsync(newParentId, ct);
        Touch(entity, user);
        Audit(user, "Move", entity.Id, null, $"from {Describe(oldParent)} to {Describe(newParentId)}");
        changes.Add(new ContentChange(ContentChangeKind.RefreshBranch, [entity.Id]));
        return await SaveOrConflictAsync(entity, ct);
    }

    public async Task<ContentAttempt<IReadOnlyList<int>>> SortAsync(int? parentId, IReadOnlyList<int> orderedIds, string user, CancellationToken ct)
    {
        var children = await db.Documents.Where(d => d.ParentId == parentId && !d.Trashed).ToListAsync(ct);
        if (orderedIds.Count != children.Count || orderedIds.Distinct().Count() != orderedIds.Count || !children.All(c => orderedIds.Contains(c.Id)))
        {
            return ContentAttempt<IReadOnlyList<int>>.Fail(ContentStatus.ValidationFailed, new ContentError(null, null, "sort", "the new order must list every child exactly once"));
        }

        var positions = orderedIds.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        foreach (var child in children)
        {
            child.SortOrder = positions[child.Id];
        }

        Audit(user, "Sort", parentId, null, $"children of {Describe(parentId)}");
        changes.Add(new ContentChange(ContentChangeKind.RefreshDocuments, [.. orderedIds]));
        await db.SaveChangesAsync(ct);
        return ContentAttempt<IReadOnlyList<int>>.Success(orderedIds);
    }

    public async Task<ContentAttempt<Document>> MoveToRecycleBinAsync(int documentId, string user, CancellationToken ct)
    {
        var entity = await LoadAsync(documentId, ct);
        if (entity is null)
        {
            return NotFound(documentId);
        }

        if (entity.Trashed)
        {
            return InRecycleBin();
        }

        // Nodes already in the bin on their own stay in their own trash group, so restoring this one leaves them there.
        var branch = (await LoadBranchAsync(entity.Id, ct)).Where(n => !n.Trashed).ToList();
        foreach (var node in branch)
        {
            node.Trashed = true;
            node.TrashedWithId = entity.Id;
            foreach (var variant in node.Cultures.Where(c => c.IsPublished))
            {
                ClearPublished(variant);
            }

            node.PublishedSharedValues = null;
            RefreshEditedFlags(node);
            node.UpdatedUtc = now;
            node.UpdatedBy = user;
            node.Revision++;
        }

        entity.TrashedFromParentId = entity.ParentId;
        Audit(user, "Trash", entity.Id, null, branch.Count > 1 ? $"with {branch.Count - 1} descendants" : null);
        changes.Add(new ContentChange(ContentChangeKind.RemoveBranch, [.. branch.Select(b => b.Id)]));
        return await SaveOrConflictAsync(entity, ct);
    }

    public async Task<ContentAttempt<Document>> RestoreAsync(int documentId, int? toParentId, string user, CancellationToken ct)
    {
        var entity = await LoadAsync(documentId, ct);
        if (entity is null)
        {
            return NotFound(documentId);
        }

        if (!entity.Trashed || entity.TrashedWithId != entity.Id)
        {
            return ContentAttempt<Document>.Fail(ContentStatus.InvalidOperation, new ContentError(null, null, "notInRecycleBin", "only a page put in the recycle bin itself can be restored (its descendants come back with it)"));
        }

        var target = toParentId ?? entity.TrashedFromParentId ?? entity.ParentId;
        if (target is { } t && await db.Documents.AnyAsync(d => d.Id == t && d.Trashed, ct))
        {
            return ContentAttempt<Document>.Fail(ContentStatus.InvalidOperation, new ContentError(null, null, "parentTrashed", "the page it was under is in the recycle bin too: restore that one first, or choose another place"));
        }
        var placement = await CheckPlacementAsync(entity, target, ct);
        if (placement is not null)
        {
            return placement;
        }

        var segmentErrors = await FitSegmentsAsync(entity, target, ct);
        await LockSiblingsAsync(target, ct);
        var branch = (await LoadBranchAsync(entity.Id, ct)).Where(n => n.TrashedWithId == entity.Id).ToList();
        foreach (var group in branch.GroupBy(n => n.ContentType))
        {
            // While it was in the bin another document may have taken a unique value (a tax code) it holds.
            segmentErrors.AddRange((await UniqueErrorsAsync(types[group.Key], [.. group], ct)).Select(e => e.Error));
        }

        if (segmentErrors.Count > 0)
        {
            return Invalid(segmentErrors);
        }

        foreach (var node in branch)
        {
            node.Trashed = false;
            node.TrashedWithId = null;
            node.UpdatedUtc = now;
            node.UpdatedBy = user;
            if (node != entity)
            {
                node.Revision++;
            }
        }

        if (entity.ParentId != target)
        {
            entity.ParentId = target;
            entity.SortOrder = await NextSortOrderAsync(target, ct);
        }

        entity.TrashedFromParentId = null;
        Touch(entity, user);
        Audit(user, "Restore", entity.Id, null, $"to {Describe(target)}");
        return await SaveOrConflictAsync(entity, ct);
    }

    public async Task<ContentAttempt<int>> DeleteAsync(int documentId, string user, CancellationToken ct)
    {
        var entity = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (entity is null)
        {
            return ContentAttempt<int>.Fail(ContentStatus.NotFound, new ContentError(null, null, "notFound", $"document {documentId} does not exist"));
        }

        if (!entity.Trashed)
        {
            return ContentAttempt<int>.Fail(ContentStatus.InvalidOperation, new ContentError(null, null, "notTrashed", "move the page to the recycle bin before deleting it"));
        }

        var branch = await LoadBranchAsync(entity.Id, ct);
        var keys = branch.Select(b => b.Key).ToList();
        await db.Redirects.Where(r => keys.Contains(r.DocumentKey)).ExecuteDeleteAsync(ct);

        // Children first: the tree's foreign key does not cascade, so a half-deleted branch is impossible.
        foreach (var node in branch.AsEnumerable().Reverse())
        {
            db.Documents.Remove(node);
            await db.SaveChangesAsync(ct);
        }

        Audit(user, "Delete", documentId, null, branch.Count > 1 ? $"with {branch.Count - 1} descendants" : null);
        await db.SaveChangesAsync(ct);
        return ContentAttempt<int>.Success(branch.Count);
    }

    public async Task<ContentAttempt<Document>> RollbackAsync(int documentId, long versionId, int basedOnRevision, IReadOnlyCollection<string>? onlyCultures, string user, CancellationToken ct)
    {
        var entity = await LoadAsync(documentId, ct);
        if (entity is null)
        {
            return NotFound(documentId);
        }

        if (entity.Trashed)
        {
            return InRecycleBin();
        }

        if (basedOnRevision != entity.Revision)
        {
            return Conflict(entity, basedOnRevision);
        }

        var version = await db.DocumentVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId && v.DocumentId == documentId, ct);
        if (version is null)
        {
            return ContentAttempt<Document>.Fail(ContentStatus.NotFound, new ContentError(null, null, "version", $"version {versionId} of document {documentId} does not exist"));
        }

        var data = ContentJson.ReadData(version.Data);
        var restoreCultures = onlyCultures?.ToList() ?? [.. data.Cultures.Keys];
        if (onlyCultures is null)
        {
            entity.SharedValues = ContentJson.WriteValues(data.Shared);
        }

        foreach (var culture in restoreCultures)
        {
            if (!data.Cultures.TryGetValue(culture, out var old))
            {
                return Invalid(new ContentError(null, culture, "cultureMissing", $"version {versionId} has no {culture} content"));
            }

            var variant = entity.Cultures.FirstOrDefault(c => c.Culture == culture);
            if (variant is null)
            {
                variant = new DocumentCultureEntity { Culture = culture, DocumentId = entity.Id, CreatedUtc = now, CreatedBy = user };
                entity.Cultures.Add(variant);
            }

            variant.Name = old.Name;
            variant.UrlSegment = old.UrlSegment;
            variant.CustomSegment = old.CustomSegment;
            variant.Values = ContentJson.WriteValues(old.Values);
            variant.UpdatedUtc = now;
            variant.UpdatedBy = user;
        }

        var errors = ValidateAll(types[entity.ContentType], entity).ToList();
        errors.AddRange((await UniqueErrorsAsync(types[entity.ContentType], [entity], ct)).Select(e => e.Error));
        var siblings = await SiblingSegmentsAsync(entity.ParentId, entity.Id, ct);
        foreach (var variant in entity.Cultures.Where(c => restoreCultures.Contains(c.Culture)))
        {
            if (siblings.GetValueOrDefault(variant.Culture)?.Contains(variant.UrlSegment) == true)
            {
                errors.Add(new ContentError("segment", variant.Culture, "segmentTaken", $"another page here now uses '{variant.UrlSegment}'"));
            }
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        RefreshEditedFlags(entity);
        Touch(entity, user);
        AddVersion(entity, user, "RolledBack", restoreCultures);
        Audit(user, "Rollback", entity.Id, restoreCultures, $"to version {versionId} (revision {version.Revision})");
        return await SaveOrConflictAsync(entity, ct);
    }

    // ----- helpers -----

    private ContentAttempt<Document>? CheckCultures(DocumentType type, IEnumerable<string> given)
    {
        foreach (var culture in given)
        {
            if (!cultures.IsSupported(culture))
            {
                return Invalid(new ContentError(null, culture, "culture", $"'{culture}' is not a site culture ({string.Join(", ", cultures.Codes)})"));
            }

            if (!type.VariesByCulture && culture != cultures.Default.Code)
            {
                return Invalid(new ContentError(null, culture, "invariant", $"a {type.Alias} does not vary by culture: give only its {cultures.Default.Code} name"));
            }
        }

        return null;
    }

    private static void ApplyVariant(DocumentType type, DocumentCultureEntity variant, Dictionary<string, JsonElement> values, VariantInput input, HashSet<string>? takenSegments, List<ContentError> errors)
    {
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(new ContentError("name", variant.Culture, "required", "the name is required"));
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(new ContentError("name", variant.Culture, "maxLength", $"the name is {name.Length} characters long; at most {MaxNameLength} are allowed"));
        }
        else if (PropertyValueValidator.ContainsControlCharacters(name, allowNewLines: false))
        {
            errors.Add(new ContentError("name", variant.Culture, "characters", "the name contains control characters"));
        }

        var previousName = variant.Name;
        variant.Name = name;
        var taken = takenSegments ?? [];
        if (!string.IsNullOrWhiteSpace(input.UrlSegment))
        {
            var segment = input.UrlSegment.Trim();
            if (!UrlSegments.IsValid(segment))
            {
                errors.Add(new ContentError("segment", variant.Culture, "segment", $"'{Shorten(segment)}' is not a URL segment: use lower-case letters, digits and single hyphens"));
            }
            else if (taken.Contains(segment))
            {
                errors.Add(new ContentError("segment", variant.Culture, "segmentTaken", $"another page here already uses '{segment}'"));
            }

            variant.UrlSegment = segment;
            variant.CustomSegment = true;
        }
        else if (name.Length > 0)
        {
            var derived = UrlSegments.FromName(name);
            if (derived.Length == 0)
            {
                errors.Add(new ContentError("segment", variant.Culture, "segment", "the name has no letters or digits to make a URL from: give a URL segment"));
            }

            // Keep the current segment while it still fits: a save that does not rename must not move the page.
            variant.UrlSegment = !variant.CustomSegment && variant.UrlSegment.Length > 0 && UrlSegments.FromName(previousName) == derived && !taken.Contains(variant.UrlSegment)
                ? variant.UrlSegment
                : UrlSegments.MakeUnique(derived, taken);
            variant.CustomSegment = false;
        }

        ApplyValues(type, values, input.Values, variant.Culture, errors);
    }

    private static void ApplyValues(DocumentType type, Dictionary<string, JsonElement> target, IReadOnlyDictionary<string, JsonElement?>? input, string? culture, List<ContentError> errors)
    {
        if (input is null)
        {
            return;
        }

        foreach (var (alias, value) in input)
        {
            if (!type.PropertiesByAlias.TryGetValue(alias, out var property))
            {
                errors.Add(new ContentError(alias, culture, "unknownProperty", $"a {type.Alias} has no property '{Shorten(alias)}'"));
                continue;
            }

            if (property.VariesByCulture != (culture is not null))
            {
                errors.Add(new ContentError(alias, culture, culture is null ? "variesByCulture" : "shared",
                    culture is null ? "varies by culture: give it per culture" : "is shared by all cultures: give it once, not per culture"));
                continue;
            }

            if (PropertyValueValidator.IsEmpty(value))
            {
                target.Remove(alias);
            }
            else
            {
                target[alias] = value!.Value.Clone();
            }
        }
    }

    private static IEnumerable<ContentError> ValidateAll(DocumentType type, DocumentEntity entity)
    {
        var shared = ContentJson.ReadValues(entity.SharedValues);
        foreach (var property in type.Properties.Where(p => !p.VariesByCulture))
        {
            foreach (var error in PropertyValueValidator.Validate(property, shared.TryGetValue(property.Alias, out var v) ? v : null, null))
            {
                yield return error;
            }
        }

        foreach (var variant in entity.Cultures.OrderBy(c => c.Culture, StringComparer.Ordinal))
        {
            var values = ContentJson.ReadValues(variant.Values);
            foreach (var property in type.Properties.Where(p => p.VariesByCulture))
            {
                foreach (var error in PropertyValueValidator.Validate(property, values.TryGetValue(property.Alias, out var v) ? v : null, variant.Culture))
                {
                    yield return error;
                }
            }
        }
    }

    /// <summary>
    /// Values of unique properties (an enterprise's tax code) that another live document of the type already holds, or
    /// that an earlier entity of <paramref name="entities"/> holds; each error with the position of the entity it is about.
    /// Compared trimmed and case-insensitively. Documents in the recycle bin do not hold their values.
    /// </summary>
    private async Task<List<(ContentError Error, int Position)>> UniqueErrorsAsync(DocumentType type, IReadOnlyList<DocumentEntity> entities, CancellationToken ct)
    {
        var errors = new List<(ContentError, int)>();
        var unique = type.Properties.Where(p => p.Validation.Unique && !p.VariesByCulture).ToList();
        if (unique.Count == 0)
        {
            return errors;
        }

        var ids = entities.Where(e => e.Id != 0).Select(e => e.Id).ToList();
        var others = await db.Documents.AsNoTracking()
            .Where(d => d.ContentType == type.Alias && !d.Trashed && !ids.Contains(d.Id))
            .Select(d => new { d.Id, d.SharedValues })
            .ToListAsync(ct);
        static string? ValueOf(string shared, string alias) =>
            ContentJson.ReadValues(shared).TryGetValue(alias, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 } text ? text : null;

        foreach (var property in unique)
        {
            var taken = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var other in others)
            {
                if (ValueOf(other.SharedValues, property.Alias) is { } value)
                {
                    taken.TryAdd(value, $"document {other.Id}");
                }
            }

            for (var position = 0; position < entities.Count; position++)
            {
                if (ValueOf(entities[position].SharedValues, property.Alias) is not { } value)
                {
                    continue;
                }

                if (taken.TryGetValue(value, out var holder))
                {
                    errors.Add((new ContentError(property.Alias, null, "unique", $"'{value}' is already used by {holder}"), position));
                }
                else
                {
                    taken[value] = entities[position].Cultures.FirstOrDefault(c => c.Culture == cultures.Default.Code)?.Name is { } name ? $"'{name}'" : "another document";
                }
            }
        }

        return errors;
    }

    /// <summary>Segments used by the other children of a parent, per culture (draft and published, or published only).</summary>
    private async Task<Dictionary<string, HashSet<string>>> SiblingSegmentsAsync(int? parentId, int? excludeId, CancellationToken ct, bool publishedOnly = false)
    {
        var rows = await db.DocumentCultures.AsNoTracking()
            .Where(c => c.Document!.ParentId == parentId && !c.Document.Trashed && c.DocumentId != excludeId)
            .Select(c => new { c.Culture, c.UrlSegment, c.PublishedUrlSegment, c.IsPublished })
            .ToListAsync(ct);
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var set = result.TryGetValue(row.Culture, out var s) ? s : result[row.Culture] = new HashSet<string>(StringComparer.Ordinal);
            if (!publishedOnly)
            {
                set.Add(row.UrlSegment);
            }

            if (row.IsPublished && row.PublishedUrlSegment is not null)
            {
                set.Add(row.PublishedUrlSegment);
            }
        }

        return result;
    }

    /// <summary>Before a move or restore: derived segments step aside (-2, -3…); chosen segments that clash are an error.</summary>
    private async Task<List<ContentError>> FitSegmentsAsync(DocumentEntity entity, int? newParentId, CancellationToken ct)
    {
        var errors = new List<ContentError>();
        var siblings = await SiblingSegmentsAsync(newParentId, entity.Id, ct);
        foreach (var variant in entity.Cultures)
        {
            var taken = siblings.GetValueOrDefault(variant.Culture) ?? [];
            var clash = taken.Contains(variant.UrlSegment) || (variant.PublishedUrlSegment is { } published && taken.Contains(published));
            if (!clash)
            {
                continue;
            }

            if (variant.CustomSegment || variant.IsPublished)
            {
                errors.Add(new ContentError("segment", variant.Culture, "segmentTaken", $"a page there already uses '{variant.PublishedUrlSegment ?? variant.UrlSegment}'"));
            }
            else
            {
                variant.UrlSegment = UrlSegments.MakeUnique(variant.UrlSegment, taken);
            }
        }

        return errors;
    }

    private async Task<ContentAttempt<Document>?> CheckPlacementAsync(DocumentEntity entity, int? newParentId, CancellationToken ct)
    {
        var type = types[entity.ContentType];
        if (newParentId is null)
        {
            return type.AllowAtRoot
                ? null
                : ContentAttempt<Document>.Fail(ContentStatus.NotAllowed, new ContentError(null, null, "notAllowed", $"a {type.Alias} cannot be at the root"));
        }

        var parent = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == newParentId, ct);
        if (parent is null || parent.Trashed)
        {
            return ContentAttempt<Document>.Fail(ContentStatus.NotFound, new ContentError(null, null, "parent", $"the target document {newParentId} does not exist"));
        }

        if (!types[parent.ContentType].AllowsChild(type.Alias))
        {
            return ContentAttempt<Document>.Fail(ContentStatus.NotAllowed, new ContentError(null, null, "notAllowed", $"a {type.Alias} cannot be placed under a {parent.ContentType}"));
        }

        var tree = await db.Documents.AsNoTracking().Select(d => new { d.Id, d.ParentId }).ToDictionaryAsync(d => d.Id, d => d.ParentId, ct);
        for (int? cursor = newParentId; cursor is { } id; cursor = tree.GetValueOrDefault(id))
        {
            if (id == entity.Id)
            {
                return ContentAttempt<Document>.Fail(ContentStatus.InvalidOperation, new ContentError(null, null, "cycle", "a page cannot be moved under itself or its own descendants"));
            }
        }

        return null;
    }

    /// <summary>
    /// Every URL of the branch that changes (in any culture: renames, moves, and fallback pages that get or lose their
    /// own translation) answers 301 to the document's URL at request time, so chains of renames never need rewriting.
    /// Redirect rows at URLs the branch now uses are removed: the page lives there again.
    /// </summary>
    private async Task WriteRedirectsAsync(IReadOnlyList<BranchUrl> before, PendingDocument after, CancellationToken ct)
    {
        var next = routes.BranchUrlsAfter(after);
        var nextByPage = next.ToDictionary(u => (u.Key, u.Culture), u => u.Url);
        var taken = next.Select(u => u.Url).ToList();
        var moved = before.Where(u => nextByPage.TryGetValue((u.Key, u.Culture), out var url) && url != u.Url).ToList();
        var paths = moved.Select(u => u.Url).Concat(taken).Distinct(StringComparer.Ordinal).ToList();
        var existing = paths.Count == 0 ? [] : await db.Redirects.Where(r => paths.Contains(r.Path)).ToListAsync(ct);
        db.Redirects.RemoveRange(existing.Where(r => taken.Contains(r.Path)));
        foreach (var old in moved.Where(u => !taken.Contains(u.Url)))
        {
            if (existing.FirstOrDefault(r => r.Path == old.Url) is { } row)
            {
                row.DocumentKey = old.Key;
                row.Culture = old.Culture;
                row.CreatedUtc = now;
            }
            else
            {
                db.Redirects.Add(new RedirectEntity { Path = old.Url, Culture = old.Culture, DocumentKey = old.Key, CreatedUtc = now });
            }
        }
    }

    private static PendingDocument Pending(DocumentEntity entity, int? parentId) => new(
        entity.Id,
        entity.Key,
        parentId,
        entity.SortOrder,
        entity.ContentType,
        entity.Cultures.Where(c => c.IsPublished).ToDictionary(c => c.Culture, c => c.PublishedUrlSegment!, StringComparer.Ordinal));

    /// <summary>
    /// Serialises writes among one parent's children, so two editors cannot publish the same segment side by side.
    /// SQLite transactions already take the write lock at their start; PostgreSQL takes an advisory lock until commit.
    /// </summary>
    private async Task LockSiblingsAsync(int? parentId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [SiblingLockBase + (parentId ?? 0)], ct);
        }
    }

    private Task<DocumentEntity?> LoadAsync(int id, CancellationToken ct) =>
        db.Documents.Include(d => d.Cultures).FirstOrDefaultAsync(d => d.Id == id, ct);

    /// <summary>The document and all its descendants, parents before children.</summary>
    private async Task<List<DocumentEntity>> LoadBranchAsync(int rootId, CancellationToken ct)
    {
        var tree = await db.Documents.AsNoTracking().Select(d => new { d.Id, d.ParentId }).ToListAsync(ct);
        var children = tree.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value, t => t.Id);
        var ids = new List<int> { rootId };
        for (var i = 0; i < ids.Count; i++)
        {
            ids.AddRange(children[ids[i]]);
        }

        var nodes = await db.Documents.Include(d => d.Cultures).Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        return [.. ids.Select(id => nodes[id])];
    }

    private async Task<int> NextSortOrderAsync(int? parentId, CancellationToken ct) =>
        (await db.Documents.Where(d => d.ParentId == parentId && !d.Trashed).MaxAsync(d => (int?)d.SortOrder, ct) ?? -1) + 1;

    private static void ClearPublished(DocumentCultureEntity variant)
    {
        variant.IsPublished = false;
        variant.PublishedName = null;
        variant.PublishedUrlSegment = null;
        variant.PublishedValues = null;
        variant.PublishedUtc = null;
        variant.PublishedBy = null;
    }

    /// <summary>A published culture is "edited" when its draft (or the shared draft) differs from what is live.</summary>
    private static void RefreshEditedFlags(DocumentEntity entity)
    {
        var sharedEdited = entity.PublishedSharedValues is not null && entity.PublishedSharedValues != entity.SharedValues;
        foreach (var variant in entity.Cultures)
        {
            variant.Edited = variant.IsPublished
                && (sharedEdited || variant.Name != variant.PublishedName || variant.UrlSegment != variant.PublishedUrlSegment || variant.Values != variant.PublishedValues);
        }
    }

    private void Touch(DocumentEntity entity, string user)
    {
        entity.UpdatedUtc = now;
        entity.UpdatedBy = user;
        entity.Revision++;
    }

    private void AddVersion(DocumentEntity entity, string user, string action, IEnumerable<string> cultureCodes) =>
        db.DocumentVersions.Add(new DocumentVersionEntity
        {
            Document = entity,
            Revision = entity.Revision,
            CreatedUtc = now,
            CreatedBy = user,
            Action = action,
            Cultures = string.Join(",", cultureCodes.Order(StringComparer.Ordinal)),
            Data = ContentJson.WriteData(ToData(entity)),
        });

    private void Audit(string user, string action, int? documentId, IEnumerable<string>? cultureCodes, string? details) =>
        db.AuditEntries.Add(new AuditEntryEntity
        {
            TimestampUtc = now,
            UserName = user,
            Action = action,
            DocumentId = documentId,
            Cultures = cultureCodes is null ? null : string.Join(",", cultureCodes.Order(StringComparer.Ordinal)),
            Details = details is { Length: > 4000 } ? details[..4000] : details,
        });

    private async Task<ContentAttempt<Document>> SaveOrConflictAsync(DocumentEntity entity, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            changes.Clear();
            var current = await db.Documents.AsNoTracking().Include(d => d.Cultures).FirstOrDefaultAsync(d => d.Id == entity.Id, ct);
            return ContentAttempt<Document>.Fail(ContentStatus.Conflict, [new ContentError(null, null, "conflict", "someone else saved this page meanwhile; nothing was overwritten")], current is null ? null : ToDocument(current));
        }

        return ContentAttempt<Document>.Success(ToDocument(entity));
    }

    private static ContentAttempt<Document> Conflict(DocumentEntity current, int basedOn) =>
        ContentAttempt<Document>.Fail(
            ContentStatus.Conflict,
            [new ContentError(null, null, "conflict", $"this page was saved by {current.UpdatedBy} (revision {current.Revision}) after you opened revision {basedOn}; nothing was overwritten")],
            ToDocument(current));

    private static ContentAttempt<Document> NotFound(int id) =>
        ContentAttempt<Document>.Fail(ContentStatus.NotFound, new ContentError(null, null, "notFound", $"document {id} does not exist"));

    private static ContentAttempt<Document> InRecycleBin() =>
        ContentAttempt<Document>.Fail(ContentStatus.InvalidOperation, new ContentError(null, null, "trashed", "the page is in the recycle bin: restore it first"));

    private static ContentAttempt<Document> Invalid(params ContentError[] errors) => ContentAttempt<Document>.Fail(ContentStatus.ValidationFailed, errors);

    private static ContentAttempt<Document> Invalid(List<ContentError> errors) => ContentAttempt<Document>.Fail(ContentStatus.ValidationFailed, [.. errors]);

    private static string Describe(int? parentId) => parentId is null ? "the root" : $"document {parentId}";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    internal static DocumentData ToData(DocumentEntity entity) => new(
        ContentJson.ReadValues(entity.SharedValues),
        entity.Cultures.ToDictionary(c => c.Culture, c => new VariantData(c.Name, c.UrlSegment, c.CustomSegment, ContentJson.ReadValues(c.Values)), StringComparer.Ordinal));

    internal static Document ToDocument(DocumentEntity entity) => new(
        entity.Id,
        entity.Key,
        entity.ParentId,
        entity.SortOrder,
        entity.ContentType,
        entity.Trashed,
        entity.Revision,
        entity.CreatedUtc,
        entity.CreatedBy,
        entity.UpdatedUtc,
        entity.UpdatedBy,
        ContentJson.ReadValues(entity.SharedValues),
        entity.Cultures.OrderBy(c => c.Culture, StringComparer.Ordinal).ToDictionary(
            c => c.Culture,
            c => new DocumentVariant(c.Culture, c.Name, c.UrlSegment, c.CustomSegment, ContentJson.ReadValues(c.Values), c.CreatedUtc, c.CreatedBy, c.UpdatedUtc, c.UpdatedBy, c.IsPublished, c.Edited, c.PublishedName, c.PublishedUrlSegment, c.PublishedUtc, c.PublishedBy),
            StringComparer.Ordinal));
}
