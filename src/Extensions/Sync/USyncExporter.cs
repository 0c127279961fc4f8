using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Spcncl.Content.Documents;
using Spcncl.Localization;
using Spcncl.Persistence;
using Spcncl.Sync.Files;

namespace Spcncl.Sync;

/// <summary>
/// Writes the database's document types, dictionary and content back to the uSync folder, in the canonical form
/// the importer reads. Export → import into an empty database → export gives byte-identical files.
/// </summary>
public sealed class USyncExporter(SiteDbContextFactory dbFactory, SiteCultures cultures)
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public async Task<USyncExportReport> ExportAsync(string root, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var files = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var type in await db.DocumentTypes.AsNoTracking().ToListAsync(ct))
        {
            files[$"{DocumentTypeSerializer.FolderName}/{type.Alias}.json"] = type.Definition;
        }

        var dictionary = await db.DictionaryEntries.AsNoTracking().ToListAsync(ct);
        foreach (var group in dictionary.GroupBy(e => e.Key.Split('.')[0], StringComparer.Ordinal))
        {
            var items = group.GroupBy(e => e.Key, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Culture, StringComparer.Ordinal).ToDictionary(e => e.Culture, e => e.Value));
            files[$"{USyncFolder.DictionaryFolder}/{group.Key}.json"] = SyncJson.Serialize(items);
        }

        var documents = await db.Documents.AsNoTracking().Include(d => d.Cultures).Where(d => !d.Trashed).ToListAsync(ct);
        if (files.Count == 0 && documents.Count == 0)
        {
            // Exporting an empty database would delete every file of the folder: almost always the wrong database.
            throw new USyncExportRefusedException(
                "The database holds no document types and no content, so exporting would empty the uSync folder. "
                + "Start the site once (it imports the uSync folder into a new database) or run 'usync import', then export.");
        }

        var unpublishedEdits = new List<string>();
        var byId = documents.ToDictionary(d => d.Id);
        foreach (var document in documents)
        {
            var segments = new List<string>();
            for (var node = document; node is not null; node = node.ParentId is { } p ? byId.GetValueOrDefault(p) : null)
            {
                segments.Add(node.Cultures.FirstOrDefault(c => c.Culture == cultures.Default.Code)?.UrlSegment ?? node.Key.ToString("N"));
            }

            segments.Reverse();
            files[$"{USyncFolder.ContentFolder}/{string.Join('/', segments)}.json"] = SyncJson.Serialize(ToFile(document, byId));
            if (document.Cultures.Any(c => c.IsPublished && c.Edited))
            {
                unpublishedEdits.Add($"{document.Id} '{document.Cultures.FirstOrDefault(c => c.Culture == cultures.Default.Code)?.Name}'");
            }
        }

        // Replace the three folders' files as a whole, so removed items disappear from disk too.
        foreach (var folder in new[] { DocumentTypeSerializer.FolderName, USyncFolder.DictionaryFolder, USyncFolder.ContentFolder })
        {
            var path = Path.Combine(root, folder);
            if (Directory.Exists(path))
            {
                foreach (var stale in Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories))
                {
                    File.Delete(stale);
                }

                foreach (var empty in Directory.EnumerateDirectories(path, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
                {
                    if (!Directory.EnumerateFileSystemEntries(empty).Any())
                    {
                        Directory.Delete(empty);
                    }
                }
            }
        }

        foreach (var (relative, text) in files)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, text, Utf8NoBom, ct);
        }

        return new USyncExportReport(
            files.Keys.Count(k => k.StartsWith(DocumentTypeSerializer.FolderName + "/", StringComparison.Ordinal)),
            dictionary.Select(e => e.Key).Distinct().Count(),
            documents.Count,
            unpublishedEdits);
    }

    /// <summary>
    /// The file states what the site shows: a published culture is exported as published, so importing the file never
    /// puts unpublished edits live (those are reported instead). Unpublished cultures are exported as drafts.
    /// </summary>
    private static ContentFile ToFile(Persistence.Entities.DocumentEntity document, Dictionary<int, Persistence.Entities.DocumentEntity> byId)
    {
        var live = document.Cultures.Any(c => c.IsPublished && c.Edited) && document.PublishedSharedValues is not null;
        var shared = ContentJson.ReadValues(live ? document.PublishedSharedValues : document.SharedValues);
        return new ContentFile
        {
            Key = document.Key,
            Parent = document.ParentId is { } p && byId.TryGetValue(p, out var parent) ? parent.Key : null,
            Type = document.ContentType,
            SortOrder = document.SortOrder,
            Shared = shared.Count == 0 ? null : Sorted(shared),
            Cultures = document.Cultures.OrderBy(c => c.Culture, StringComparer.Ordinal).ToDictionary(
                c => c.Culture,
                c =>
                {
                    var published = c.IsPublished && c.Edited;
                    var name = published ? c.PublishedName! : c.Name;
                    var segment = published ? c.PublishedUrlSegment! : c.UrlSegment;
                    var values = ContentJson.ReadValues(published ? c.PublishedValues : c.Values);
                    return new ContentCultureFile
                    {
                        Name = name,

                        // Written whenever it is not what the name gives (chosen by an editor, or -2 after a clash), so
                        // an import puts every page back at its own URL.
                        Segment = c.CustomSegment || segment != UrlSegments.FromName(name) ? segment : null,
                        Published = c.IsPublished,
                        Values = values.Count == 0 ? null : Sorted(values),
                    };
                }),
        };
    }

    private static Dictionary<string, JsonElement> Sorted(Dictionary<string, JsonElement> values) =>
        values.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary(v => v.Key, v => v.Value);
}

/// <param name="UnpublishedEdits">Documents whose unpublished edits were left out (their published version was written).</param>
public sealed record USyncExportReport(int DocumentTypes, int DictionaryKeys, int Documents, IReadOnlyList<string> UnpublishedEdits)
{
    public override string ToString() => $"{DocumentTypes} document types, {DictionaryKeys} dictionary keys, {Documents} documents";
}

/// <summary>Thrown when an export would lose the folder's files (the database is empty); nothing on disk was touched.</summary>
public sealed class USyncExportRefusedException(string message) : Exception(message);
