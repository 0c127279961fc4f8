using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Spcncl.Published;
using Spcncl.Site.Rendering;

namespace Spcncl.Site.Controllers;

/// <summary>Machine-readable files for search engines: the sitemap with language alternates, and robots.txt naming it.</summary>
public sealed class SeoController(PublishedSnapshotService snapshots, SiteUrls urls, Spcncl.Site.Pages.PageHandlers handlers) : Controller
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    [HttpGet("sitemap.xml")]
    public IActionResult Sitemap()
    {
        var snapshot = snapshots.Current;
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, Async = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", SitemapNamespace);
            xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            foreach (var document in snapshot.Documents.Where(d => d.Type.Routable).OrderBy(d => d.Id))
            {
                var alternates = PageAlternates.For(snapshot, document);
                var suffixes = handlers.For(document.Type.Alias)?.SitemapSuffixes().Prepend("") ?? [""];
                foreach (var suffix in suffixes)
                {
                    foreach (var page in snapshot.CulturesOf(document).Where(p => p.Url is not null))
                    {
                        xml.WriteStartElement("url", SitemapNamespace);
                        xml.WriteElementString("loc", SitemapNamespace, urls.Absolute(Request, page.Url! + suffix));
                        xml.WriteElementString("lastmod", SitemapNamespace, document.Variants[page.ContentCulture].PublishedUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        foreach (var alternate in alternates)
                        {
                            xml.WriteStartElement("xhtml", "link", XhtmlNamespace);
                            xml.WriteAttributeString("rel", "alternate");
                            xml.WriteAttributeString("hreflang", alternate.HrefLang);
                            xml.WriteAttributeString("href", urls.Absolute(Request, alternate.Url + suffix));
                            xml.WriteEndElement();
                        }

                        xml.WriteEndElement();
                    }
                }
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        // StringBuilder-backed writers declare UTF-16; the bytes we send are UTF-8.
        var text = output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
        return Content(text, "application/xml; charset=utf-8");
    }

    [HttpGet("robots.txt")]
    public IActionResult Robots() =>
        Content(
            $"User-agent: *\nDisallow: /backoffice\nDisallow: /culture/\n\nSitemap: {urls.Absolute(Request, "/sitemap.xml")}\n",
            "text/plain; charset=utf-8");
}
