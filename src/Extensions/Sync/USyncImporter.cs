using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Spcncl.Content.Documents;
using Spcncl.Content.DocumentTypes;
using Spcncl.Localization;
using Spcncl.Media;
using Spcncl.Persistence;
using Spcncl.Persistence.Entities;

namespace Spcncl.Sync;

/// <summary>
/// Imports a checked <see cref="USyncFolder"/> in a fixed order (cultures, document types, dictionary, content by
/// tree level) in one transaction: either everything lands or nothing does. Running it twice changes nothing.
/// </summary>
public sealed class USyncImporter(
    SiteDbContextFactory dbFactory,
    ContentService contentService,
    MediaLibrary mediaLibrary,
    IMediaStorage mediaStorage,
    Registry.Import.RegistryImporter registryImporter,
    SiteCultures cultures,
    DocumentTypeRegistry registry,
    TimeProvider clock,
    ILogger<USyncImporter> logger)
{
    public const string ImportUser = "uSync";
    internal const string ContentImportedKey = "usync.contentImportedUtc";
    internal const string SchemaFingerprintKey = "usync.schemaFingerprint";

    public async Task<USyncImportReport> ImportAsync(USyncFolder folder, USyncImportMode mode, CancellationToken ct = default)
    {
        var report = new USyncImportReport();

        // The writer validates content against the registry, so the new document types go in first
        // (and come out again if the import fails).
        var previousTypes = registry.Current;
        registry.Replace(folder.DocumentTypes);
        try
        {
            return await ImportCoreAsync(folder, mode, report, ct);
        }
        catch
        {
            registry.Replace(previousTypes);
            throw;
        }
    }

    private async Task<USyncImportReport> ImportCoreAsync(USyncFolder folder, USyncImportMode mode, USyncImportReport report, CancellationToken ct)
    {
        var fingerprint = SchemaFingerprint(folder);
        if (mode == USyncImportMode.Startup && await NothingToImportAsync(fingerprint, ct))
        {
            return report;
        }

        await using var scope = await contentService.BeginScopeAsync(ct);
        var db = scope.Db;
        var now = clock.GetUtcNow().UtcDateTime;
        var state = await db.SiteState.Where(s => s.Key == ContentImportedKey || s.Key == SchemaFingerprintKey).ToDictionaryAsync(s => s.Key, ct);

        // Schema files unchanged since the last import mean there is nothing to compare row by row.
        if (mode == USyncImportMode.Full || state.GetValueOrDefault(SchemaFingerprintKey)?.Value != fingerprint)
        {
            await ImportLanguagesAsync(db, report, ct);
            await ImportDocumentTypesAsync(db, folder.DocumentTypes, now, report, ct);
            await ImportDictionaryAsync(db, folder.Dictionary, mode, report, ct);
            if (state.TryGetValue(SchemaFingerprintKey, out var row))
            {
                row.Value = fingerprint;
            }
            else
            {
                db.SiteState.Add(new SiteStateEntity { Key = SchemaFingerprintKey, Value = fingerprint });
            }

            await db.SaveChangesAsync(ct);
        }

        var contentDone = state.ContainsKey(ContentImportedKey);
        if (mode == USyncImportMode.Full || !contentDone)
        {
            var storedFiles = new List<string>();
            try
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                await ImportMediaAsync(db, folder.Media, mode, report, storedFiles, ct);
                var media = watch.ElapsedMilliseconds;
                await ImportContentAsync(scope, folder.Content, mode, report, ct);
                var content = watch.ElapsedMilliseconds;
                await ImportRegistryAsync(scope, folder.Registry, report, ct);
                logger.LogInformation("uSync seed: media {Media} ms, content {Content} ms, registry {Registry} ms", media, content - media, watch.ElapsedMilliseconds - content);
            }
            catch
            {
                // The transaction rolls back; the media files written so far go with it.
                foreach (var stored in storedFiles)
                {
                    await mediaStorage.DeleteAsync(stored, CancellationToken.None);
                }

                throw;
            }

            if (!contentDone)
            {
                db.SiteState.Add(new SiteStateEntity { Key = ContentImportedKey, Value = now.ToString("O") });
            }

            await db.SaveChangesAsync(ct);
            if (report.ContentCreated + report.ContentUpdated + report.MediaCreated + report.MediaUpdated + report.RegistryChanged > 0)
            {
                scope.RefreshAllOnComplete();
            }
        }

        await scope.CompleteAsync(ct);
        logger.LogInformation("uSync import ({Mode}): {Report}", mode, report);
        return report;
    }

    /// <summary>A hash of everything the schema steps import: the configured cultures and the schema files as read.</summary>
    private string SchemaFingerprint(USyncFolder folder) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join("|", cultures.All.Select(c => $"{c.Code}:{c.NativeName}:{c.IsDefault}")) + "|" + folder.SchemaHash)));

    /// <summary>The start-up fast path: one query, no transaction, when the schema is as last imported and content is in.</summary>
    private async Task<bool> NothingToImportAsync(string fingerprint, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        var state = await db.SiteState.AsNoTracking().Where(s => s.Key == ContentImportedKey || s.Key == SchemaFingerprintKey).ToListAsync(ct);
        return state.Any(s => s.Key == ContentImportedKey) && state.Any(s => s.Key == SchemaFingerprintKey && s.Value == fingerprint);
    }

    private async Task ImportLanguagesAsync(SiteDbContext db, USyncImportReport report, CancellationToken ct)
    {
        var existing = await db.Languages.ToDictionaryAsync(l => l.Code, ct);
        foreach (var culture in cultures.All)
        {
            if (!existing.TryGetValue(culture.Code, out var row))
            {
                db.Languages.Add(new LanguageEntity { Code = culture.Code, NativeName = culture.NativeName, IsDefault = culture.IsDefault });
                report.LanguagesChanged++;
            }
            else if (row.NativeName != culture.NativeName || row.IsDefault != culture.IsDefault)
            {
                row.NativeName = culture.NativeName;
                row.IsDefault = culture.IsDefault;
                report.LanguagesChanged++;
            }
        }
    }

    private static async Task ImportDocumentTypesAsync(SiteDbContext db, DocumentTypeSet types, DateTime now, USyncImportReport report, CancellationToken ct)
    {
        var existing = await db.DocumentTypes.ToDictionaryAsync(t => t.Alias, ct);
        foreach (var type in types.All)
        {
            var definition = DocumentTypeSerializer.Write(type);
            if (!existing.TryGetValue(type.Alias, out var row))
            {
                db.DocumentTypes.Add(new DocumentTypeEntity { Alias = type.Alias, Definition = definition, UpdatedUtc = now });
                report.DocumentTypesChanged++;
            }
            else if (row.Definition != definition)
            {
                row.Definition = definition;
                row.UpdatedUtc = now;
                report.DocumentTypesChanged++;
            }
        }
    }

    /// <summary>At start-up only missing strings are added, so edits made in the back office survive restarts; a full import overwrites.</summary>
    private static async Task ImportDictionaryAsync(SiteDbContext db, IReadOnlyList<DictionaryEntry> entries, USyncImportMode mode, USyncImportReport report, CancellationToken ct)
    {
        var existing = await db.DictionaryEntries.ToDictionaryAsync(e => (e.Key, e.Culture), ct);
        foreach (var entry in entries)
        {
            if (!existing.TryGetValue((entry.Key, entry.Culture), out var row))
            {
                db.DictionaryEntries.Add(new DictionaryEntryEntity { Key = entry.Key, Culture = entry.Culture, Value = entry.Value });
                report.DictionaryChanged++;
            }
            else if (mode == USyncImportMode.Full && row.Value != entry.Value)
            {
                row.Value = entry.Value;
                report.DictionaryChanged++;
            }
        }
    }

    /// <summary>Seed media: new items are created (drawn from their recipe or read from their file); a full import also refreshes descriptions.</summary>
    private async Task ImportMediaAsync(SiteDbContext db, IReadOnlyList<MediaSeed> seeds, USyncImportMode mode, USyncImportReport report, List<string> storedFiles, CancellationToken ct)
    {
        var existing = await db.MediaItems.ToDictionaryAsync(m => m.Key, ct);
        var missing = seeds.Where(s => !existing.ContainsKey(s.Key)).ToList();

        // Drawing the demo pictures is CPU work: done on every core before the (sequential) database work.
        var drawn = new (byte[] Bytes, string FileName)[missing.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, missing.Count), ct, (i, _) =>
        {
            drawn[i] = ReadSeed(missing[i]);
            return ValueTask.CompletedTask;
        });

        foreach (var seed in seeds.Where(s => existing.ContainsKey(s.Key)))
        {
            var data = seed.Data;
            var row = existing[seed.Key];
            var alt = System.Text.Json.JsonSerializer.Serialize((data.Alt ?? []).OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Value));
            if (mode == USyncImportMode.Full && (row.Name != data.Name || row.AltText != alt || row.FocalX != data.FocalX || row.FocalY != data.FocalY))
            {
                row.Name = data.Name!;
                row.AltText = alt;
                row.FocalX = data.FocalX;
                row.FocalY = data.FocalY;
                row.Version++;
                report.MediaUpdated++;
            }
            else
            {
                report.MediaUnchanged++;
            }
        }

        for (var i = 0; i < missing.Count; i++)
        {
            var seed = missing[i];
            var data = seed.Data;
            var (entity, error) = await mediaLibrary.AddAsync(
                db,
                new MediaUpload(new MemoryStream(drawn[i].Bytes), drawn[i].FileName) { Key = seed.Key, Name = data.Name, AltText = data.Alt, Caption = data.Caption, FocalX = data.FocalX, FocalY = data.FocalY, Trusted = data.Generate is not null },
                ImportUser,
                ct);
            if (entity is null)
            {
                throw new SyncFileException([new SyncFileError(seed.File, data.File is null ? "$.generate" : "$.file", error!.Message!)]);
            }

            storedFiles.Add(entity.StoredName);
            report.MediaCreated++;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Each year's decision list through the registry's own importer, then the cycles file's statuses and dates.</summary>
    private async Task ImportRegistryAsync(ContentScope scope, RegistrySeed seed, USyncImportReport report, CancellationToken ct)
    {
        foreach (var path in seed.DecisionLists)
        {
            var file = $"{USyncFolder.RegistryFolder}/{Path.GetFileName(path)}";
            Registry.Import.DecisionList list;
            await using (var stream = File.OpenRead(path))
            {
                list = Registry.Import.DecisionListReader.Read(stream, path);
            }

            var result = new Registry.Import.RegistryImportReport { FileName = file };
            if (list.Error is null)
            {
                await registryImporter.ImportInScopeAsync(scope, list, ImportUser, result, ct);
            }

            if ((list.Error?.English ?? result.FileError) is { } fileError)
            {
                throw new SyncFileException([new SyncFileError(file, "$", fileError)]);
            }

            if (result.Errors.Count > 0)
            {
                throw new SyncFileException([.. result.Errors.Select(e => new SyncFileError(file, $"row {e.Row}, {e.Column}", $"'{e.Value}': {e.Reason}"))]);
            }

            report.RegistryChanged += result.Cycles.Changed + result.Awards.Changed;
        }

        var db = scope.Db;
        var cycles = await db.AwardCycles.ToDictionaryAsync(c => c.Year, ct);
        foreach (var cycle in seed.Cycles)
        {
            var year = cycle.Year!.Value;
            if (!cycles.TryGetValue(year, out var row))
            {
                row = new AwardCycleEntity { Year = year, DecisionNumber = "" };
                db.AwardCycles.Add(row);
            }

            var status = cycle.Status!;
            if (row.Status != status || (cycle.DecisionNumber is { } n && row.DecisionNumber != n) || (cycle.DecisionDate is { } d && row.DecisionDate != d)
                || (cycle.CouncilDate is { } c && row.CouncilDate != c) || (cycle.CeremonyDate is { } e && row.CeremonyDate != e))
            {
                row.Status = status;
                row.DecisionNumber = cycle.DecisionNumber ?? row.DecisionNumber;
                row.DecisionDate = cycle.DecisionDate ?? row.DecisionDate;
                row.CouncilDate = cycle.CouncilDate ?? row.CouncilDate;
                row.CeremonyDate = cycle.CeremonyDate ?? row.CeremonyDate;
                row.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
                report.RegistryChanged++;
                scope.Notify(new Content.Notifications.ContentChange(Content.Notifications.ContentChangeKind.RefreshRegistry, []));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static (byte[] Bytes, string FileName) ReadSeed(MediaSeed seed)
    {
        if (seed.SourcePath is { } path)
        {
            return (File.ReadAllBytes(path), Path.GetFileName(path));
        }

        var recipe = seed.Data.Generate!;
        if (recipe.Style is "pdf" or "docx")
        {
            var document = new DemoDocumentRecipe(recipe.Style, recipe.Culture!, recipe.Issuer!, recipe.Title!, recipe.Text!);
            var bytes = recipe.Style == "pdf" ? DemoDocuments.Pdf(document) : DemoDocuments.Docx(document);
            // Downloaded under its title, accents and all ("Phiếu mời tham gia.docx"): Content-Disposition carries it as UTF-8.
            var name = new string([.. recipe.Title!.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is ':' or '"' ? ' ' : c)]).Trim();
            return (bytes, $"{name}.{recipe.Style}");
        }

        using var image = DemoImages.Render(new DemoImageRecipe(recipe.Style!, recipe.Seed ?? 0, recipe.Palette, recipe.Width!.Value, recipe.Height!.Value));
        using var output = new MemoryStream();
        var png = recipe.Style == "logo";
        if (png)
        {
            image.Save(output, new SixLabors.ImageSharp.Formats.Png.PngEncoder());
        }
        else
        {
            image.Save(output, new SixLabors.ImageSharp.Formats.Jpeg.JpegEncoder { Quality = 85 });
        }

        return (output.ToArray(), $"{UrlSegments.FromName(seed.Data.Name!)}.{(png ? "png" : "jpg")}");
    }

    /// <summary>
    /// New documents are created and published level by level in batches (parents first); existing ones are left
    /// alone at start-up and brought to the file's state by a full import.
    /// </summary>
    private static async Task ImportContentAsync(ContentScope scope, IReadOnlyList<ContentItem> items, USyncImportMode mode, USyncImportReport report, CancellationToken ct)
    {
        var db = scope.Db;
        var ids = await db.Documents.Select(d => new { d.Key, d.Id }).ToDictionaryAsync(d => d.Key, d => d.Id, ct);
        var byKey = items.ToDictionary(i => i.Key);
        int Depth(ContentItem item) => item.Data.Parent is { } parent && byKey.TryGetValue(parent, out var p) ? Depth(p) + 1 : 0;

        foreach (var level in items.GroupBy(Depth).OrderBy(g => g.Key))
        {
            var fresh = new List<ContentItem>();
            foreach (var item in level)
            {
                if (!ids.TryGetValue(item.Key, out var existingId))
                {
                    fresh.Add(item);
                }
                else if (mode != USyncImportMode.Full)
                {
                    report.ContentUnchanged++;
                }
                else if (await UpdateAsync(scope, item, existingId, ParentOf(item, ids), Variants(item), Shared(item), Published(item), ct))
                {
                    report.ContentUpdated++;
                }
                else
                {
                    report.ContentUnchanged++;
                }
            }

            if (fresh.Count == 0)
            {
                continue;
            }

            var created = await scope.Writer.CreateManyAsync(
                [.. fresh.Select(item => new CreateDocumentRequest(item.Data.Type!, ParentOf(item, ids), Variants(item), Shared(item)) { Key = item.Key, SortOrder = item.Data.SortOrder })],
                ImportUser,
                ct);
            if (created.Failures.Count > 0)
            {
                var (index, failure) = created.Failures[0];
                Check(fresh[index], failure);
            }

            for (var i = 0; i < fresh.Count; i++)
            {
                ids[fresh[i].Key] = created.Documents[i].Id;
            }

            var toPublish = fresh.Select((item, i) => (Item: item, Request: new PublishRequest(created.Documents[i].Id, Published(item)))).Where(p => p.Request.Cultures.Count > 0).ToList();
            var publishedResult = await scope.Writer.PublishManyAsync([.. toPublish.Select(p => p.Request)], ImportUser, ct);
            if (publishedResult.Failures.Count > 0)
            {
                var (index, failure) = publishedResult.Failures[0];
                Check(toPublish[index].Item, failure);
            }

            report.ContentCreated += fresh.Count;
        }
    }

    private static int? ParentOf(ContentItem item, Dictionary<Guid, int> ids)
    {
        if (item.Data.Parent is not { } parentKey)
        {
            return null;
        }

        return ids.TryGetValue(parentKey, out var id)
            ? id
            : throw new SyncFileException([new SyncFileError(item.File, "$.parent", $"the parent {parentKey} is neither in the uSync folder nor in the database")]);
    }

    private static Dictionary<string, VariantInput> Variants(ContentItem item) => item.Data.Cultures!.ToDictionary(
        c => c.Key,
        c => new VariantInput(c.Value.Name!, c.Value.Segment, c.Value.Values?.ToDictionary(v => v.Key, v => (JsonElement?)v.Value)),
        StringComparer.Ordinal);

    private static Dictionary<string, JsonElement?>? Shared(ContentItem item) => item.Data.Shared?.ToDictionary(v => v.Key, v => (JsonElement?)v.Value);

    private static List<string> Published(ContentItem item) => [.. item.Data.Cultures!.Where(c => c.Value.Published == true).Select(c => c.Key)];

    /// <summary>Brings an existing document to the file's state; returns false when it already was.</summary>
    private static async Task<bool> UpdateAsync(
        ContentScope scope,
        ContentItem item,
        int id,
        int? parentId,
        Dictionary<string, VariantInput> variants,
        Dictionary<string, JsonElement?>? shared,
        List<string> toPublish,
        CancellationToken ct)
    {
        var entity = await scope.Db.Documents.AsNoTracking().Include(d => d.Cultures).FirstAsync(d => d.Id == id, ct);
        var current = ContentWriter.ToDocument(entity);
        var wanted = new DocumentFileState(item.Data.Type!, parentId, item.Data.SortOrder ?? current.SortOrder, shared, variants, toPublish);
        if (wanted.Matches(current, entity.Trashed))
        {
            return false;
        }

        if (entity.Trashed)
        {
            current = Check(item, await scope.Writer.RestoreAsync(id, parentId, ImportUser, ct));
        }

        if (current.ParentId != parentId)
        {
            Check(item, await scope.Writer.MoveAsync(id, parentId, ImportUser, ct));
        }

        var fresh = ContentWriter.ToDocument(await scope.Db.Documents.AsNoTracking().Include(d => d.Cultures).FirstAsync(d => d.Id == id, ct));

        // A file states the whole document: values it does not mention are cleared.
        var sharedInput = fresh.SharedValues.Keys.ToDictionary(k => k, _ => (JsonElement?)null);
        foreach (var (alias, value) in shared ?? [])
        {
            sharedInput[alias] = value;
        }

        var cultureInput = variants.ToDictionary(
            v => v.Key,
            v =>
            {
                var values = (fresh.Variant(v.Key)?.Values.Keys ?? []).ToDictionary(k => k, _ => (JsonElement?)null);
                foreach (var (alias, value) in v.Value.Values ?? new Dictionary<string, JsonElement?>())
                {
                    values[alias] = value;
                }

                return v.Value with { Values = values };
            });
        var saved = Check(item, await scope.Writer.SaveAsync(new SaveDocumentRequest(id, fresh.Revision, cultureInput, sharedInput), ImportUser, ct));

        var unpublish = saved.Cultures.Values.Where(c => c.IsPublished && !toPublish.Contains(c.Culture)).Select(c => c.Culture).ToList();
        if (unpublish.Count > 0)
        {
            saved = Check(item, await scope.Writer.UnpublishAsync(id, unpublish, ImportUser, ct));
        }

        if (toPublish.Count > 0)
        {
            Check(item, await scope.Writer.PublishAsync(id, toPublish, ImportUser, null, ct));
        }

        if (item.Data.SortOrder is { } sortOrder && sortOrder != current.SortOrder)
        {
            var siblings = await scope.Db.Documents.Where(d => d.ParentId == parentId && !d.Trashed).ToListAsync(ct);
            var order = siblings.OrderBy(s => s.Id == id ? sortOrder : s.SortOrder).ThenBy(s => s.Id == id ? 0 : 1).Select(s => s.Id).ToList();
            Check(item, await scope.Writer.SortAsync(parentId, order, ImportUser, ct));
        }

        return true;
    }

    private static T Check<T>(ContentItem item, ContentAttempt<T> attempt)
    {
        if (attempt.Succeeded)
        {
            return attempt.Value!;
        }

        throw new SyncFileException([.. attempt.Errors.Select(e => new SyncFileError(item.File, PathOf(e), $"{e.Message} ({attempt.Status})"))]);
    }

    private static string PathOf(ContentError error) => (error.Property, error.Culture) switch
    {
        (null, null) => "$",
        (null, { } c) => $"$.cultures.{c}",
        ("name" or "segment", { } c) => $"$.cultures.{c}.{error.Property}",
        ({ } p, null) => $"$.shared.{p}",
        ({ } p, { } c) => $"$.cultures.{c}.values.{p}",
    };

    private sealed record DocumentFileState(
        string Type,
        int? ParentId,
        int SortOrder,
        Dictionary<string, JsonElement?>? Shared,
        Dictionary<string, VariantInput> Variants,
        List<string> Published)
    {
        public bool Matches(Document current, bool trashed)
        {
            if (trashed || current.ContentType != Type || current.ParentId != ParentId || current.SortOrder != SortOrder)
            {
                return false;
            }

            // Cultures the database has and the file does not are acceptable only while unpublished.
            if (!SameValues(current.SharedValues, Shared) || current.Cultures.Values.Any(c => !Variants.ContainsKey(c.Culture) && c.IsPublished))
            {
                return false;
            }

            foreach (var (culture, input) in Variants)
            {
                if (current.Variant(culture) is not { } variant
                    || variant.Name != input.Name.Trim()
                    || (input.UrlSegment is not null && (variant.UrlSegment != input.UrlSegment || !variant.CustomSegment))
                    || (input.UrlSegment is null && variant.CustomSegment)
                    || !SameValues(variant.Values, input.Values)
                    || variant.IsPublished != Published.Contains(culture)
                    || (variant.IsPublished && variant.Edited))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool SameValues(IReadOnlyDictionary<string, JsonElement> current, IReadOnlyDictionary<string, JsonElement?>? wanted)
        {
            var given = (wanted ?? new Dictionary<string, JsonElement?>()).Where(p => !PropertyValueValidator.IsEmpty(p.Value)).ToList();
            return given.Count == current.Count
                && given.All(p => current.TryGetValue(p.Key, out var v) && JsonSerializer.Serialize(v) == JsonSerializer.Serialize(p.Value!.Value));
        }
    }
}

public enum USyncImportMode
{
    /// <summary>Every start: document types and new dictionary strings; content only into an empty site.</summary>
    Startup,

    /// <summary><c>usync import</c>: make the database match the folder (content and dictionary included).</summary>
    Full,
}

public sealed class USyncImportReport
{
    public int LanguagesChanged { get; set; }

    public int DocumentTypesChanged { get; set; }

    public int DictionaryChanged { get; set; }

    public int ContentCreated { get; set; }

    public int ContentUpdated { get; set; }

    public int ContentUnchanged { get; set; }

    public int MediaCreated { get; set; }

    public int MediaUpdated { get; set; }

    public int MediaUnchanged { get; set; }

    public int RegistryChanged { get; set; }

    public bool ChangedAnything => LanguagesChanged + DocumentTypesChanged + DictionaryChanged + MediaCreated + MediaUpdated + ContentCreated + ContentUpdated + RegistryChanged > 0;

    public override string ToString() =>
        $"languages {LanguagesChanged} changed, document types {DocumentTypesChanged} changed, dictionary {DictionaryChanged} changed, " +
        $"media {MediaCreated} created, {MediaUpdated} updated, {MediaUnchanged} unchanged, registry {RegistryChanged} changed, " +
        $"content {ContentCreated} created, {ContentUpdated} updated, {ContentUnchanged} unchanged";
}
