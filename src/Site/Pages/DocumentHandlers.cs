using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Spcncl.Localization;
using Spcncl.Media;
using Spcncl.Published.Models;
using Spcncl.Publicity;

namespace Spcncl.Site.Pages;

/// <summary>
/// Documents and forms (<c>/vi/tai-lieu</c>, <c>/en/documents</c>): those with an open deadline first, then all, newest
/// year first; <c>type</c> and <c>year</c> filter.
/// </summary>
public sealed class DocumentLibraryHandler(PublicityLinks links, SiteText text, CultureFormatter formatter) : IPageHandler
{
    public string DocumentType => "documentLibrary";

    public PageOutcome? Render(PageRequest request)
    {
        if (request.SubPath.Count > 0)
        {
            return null;
        }

        var page = (DocumentLibraryPage)request.Page;
        var all = page.Documents.ToList();
        var query = request.Query;
        var kind = query["type"].ToString() is var k && all.Any(d => d.Kind == k) ? k : null;
        var year = int.TryParse(query["year"], NumberStyles.None, CultureInfo.InvariantCulture, out var y) && all.Any(d => d.Year == y) ? y : (int?)null;
        var url = page.Url!;
        string Link(string name, string? value) => ProductCatalogueHandler.Link(url, query, name, value);

        var ofYear = year is null ? all : [.. all.Where(d => d.Year == year)];
        var ofKind = kind is null ? all : [.. all.Where(d => d.Kind == kind)];
        var kinds = new List<FilterLink> { new(text["Documents.AllTypes"], Link("type", null), ofYear.Count, kind is null) };
        kinds.AddRange(ofYear.GroupBy(d => (d.Kind, Label: d.KindLabel ?? d.Kind))
            .OrderBy(g => g.Key.Label, formatter.Collation(request.Culture))
            .Select(g => new FilterLink(g.Key.Label, Link("type", g.Key.Kind), g.Count(), g.Key.Kind == kind)));
        var years = new List<FilterLink> { new(text["Documents.AllYears"], Link("year", null), ofKind.Count, year is null) };
        years.AddRange(ofKind.GroupBy(d => d.Year).OrderByDescending(g => g.Key)
            .Select(g => new FilterLink(g.Key.ToString(CultureInfo.InvariantCulture), Link("year", g.Key.ToString(CultureInfo.InvariantCulture)), g.Count(), g.Key == year)));

        var shown = all.Where(d => (kind is null || d.Kind == kind) && (year is null || d.Year == year))
            .OrderByDescending(d => d.Year).ThenBy(d => d.Name, formatter.Collation(request.Culture))
            .Select(links.Document)
            .ToList();
        var open = kind is null && year is null ? shown.Where(d => d.DeadlineOpen).OrderBy(d => d.Deadline).ToList() : [];
        return new RenderView(
            "~/Views/Pages/DocumentLibrary.cshtml",
            new DocumentLibraryView(page, open, shown, kinds, years, url, kind is not null || year is not null),
            NoIndex: kind is not null || year is not null);
    }
}

/// <summary>
/// A document's page and its downloads: <c>{page}/download/{culture}.{format}</c> streams the file from storage (range
/// requests answered, nothing loaded whole into memory) as an attachment under its own name, UTF-8 included, and
/// counts it. A file missing from storage is the friendly 404 page, and a line in the log.
/// </summary>
public sealed class DocumentHandler(PublicityLinks links, IMediaStorage storage, DownloadCounter counter, ILogger<DocumentHandler> logger) : IPageHandler
{
    public bool HasSubPaths => true;

    public string DocumentType => "document";

    public PageOutcome? Render(PageRequest request)
    {
        var page = (DocumentPage)request.Page;
        return request.SubPath switch
        {
            [] => new RenderView("~/Views/Pages/Document.cshtml", new DocumentView(page, links.Document(page))),
            [PublicityLinks.DownloadSegment, var file] => Download(request, page, file),
            _ => null,
        };
    }

    private PageOutcome? Download(PageRequest request, DocumentPage page, string file)
    {
        var dot = file.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return null;
        }

        var (culture, extension) = (file[..dot], file[(dot + 1)..]);
        var item = links.Files(page).Where(f => f.Culture == culture && f.Item.Extension == extension).Select(f => f.Item).FirstOrDefault();
        if (item is null)
        {
            return null;
        }

        var path = storage.LocalPath(item.StoredName);
        var stream = path is null ? storage.OpenRead(item.StoredName) : null;
        if (path is null && stream is null)
        {
            logger.LogError("Document {Document} ({Url}) names file {Media} ({Stored}), which is missing from storage", page.Key, page.Url, item.Key, item.StoredName);
            return null;
        }

        // A download is counted once, not once per range a player or download manager asks for.
        var range = request.Http.Request.Headers.Range.ToString();
        if (range.Length == 0 || range.StartsWith("bytes=0-", StringComparison.Ordinal))
        {
            counter.Count(page.Key, item.Key);
        }

        var etag = new EntityTagHeaderValue($"\"{item.Key:N}-{item.Version}\"");
        request.Http.Response.Headers.CacheControl = "public, max-age=3600";
        FileResult result = path is not null
            ? new PhysicalFileResult(path, item.ContentType)
            : new FileStreamResult(stream!, item.ContentType);
        Endpoints.Attachment.Set(request.Http.Response, item.FileName);
        result.EntityTag = etag;
        result.LastModified = item.UpdatedUtc;
        result.EnableRangeProcessing = true;
        return new ActionOutcome(result);
    }
}
