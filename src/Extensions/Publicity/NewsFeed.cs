using System.Globalization;
using System.Text;
using System.Xml;

namespace Spcncl.Publicity;

/// <summary>
/// The news of one culture as RSS 2.0 and as Atom (RFC 4287): the same items, absolute links, the item's key as its
/// permanent id (so a renamed article is not a new one to feed readers).
/// </summary>
public static class NewsFeed
{
    public const int MaxItems = 30;

    public static string Rss(FeedChannel channel, IEnumerable<FeedItem> items)
    {
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
            xml.WriteAttributeString("xmlns", "dc", null, "http://purl.org/dc/elements/1.1/");
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", channel.Title);
            xml.WriteElementString("link", channel.PageUrl);
            xml.WriteElementString("description", channel.Description);
            xml.WriteElementString("language", channel.Language);
            xml.WriteElementString("lastBuildDate", channel.Updated.ToString("r", CultureInfo.InvariantCulture));
            xml.WriteStartElement("atom", "link", AtomNamespace);
            xml.WriteAttributeString("href", channel.FeedUrl);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            foreach (var item in items.Take(MaxItems))
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", item.Title);
                xml.WriteElementString("link", item.Url);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "false");
                xml.WriteString(Urn(item.Key));
                xml.WriteEndElement();
                xml.WriteElementString("pubDate", item.Published.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));
                xml.WriteElementString("description", item.Summary);
                xml.WriteElementString("category", item.Category);
                if (item.Author is { } author)
                {
                    xml.WriteElementString("dc", "creator", null, author);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return output.ToString();
    }

    public static string Atom(FeedChannel channel, IEnumerable<FeedItem> items)
    {
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteAttributeString("xml", "lang", null, channel.Language);
            xml.WriteElementString("id", AtomNamespace, channel.PageUrl);
            xml.WriteElementString("title", AtomNamespace, channel.Title);
            xml.WriteElementString("subtitle", AtomNamespace, channel.Description);
            xml.WriteElementString("updated", AtomNamespace, Rfc3339(channel.Updated));
            Link(xml, channel.PageUrl, "alternate", "text/html");
            Link(xml, channel.FeedUrl, "self", "application/atom+xml");
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, channel.Publisher);
            xml.WriteEndElement();
            foreach (var item in items.Take(MaxItems))
            {
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, Urn(item.Key));
                xml.WriteElementString("title", AtomNamespace, item.Title);
                Link(xml, item.Url, "alternate", "text/html");
                xml.WriteElementString("published", AtomNamespace, Rfc3339(item.Published));
                xml.WriteElementString("updated", AtomNamespace, Rfc3339(item.Updated > item.Published ? item.Updated : item.Published));
                xml.WriteElementString("summary", AtomNamespace, item.Summary);
                xml.WriteStartElement("category", AtomNamespace);
                xml.WriteAttributeString("term", item.Category);
                xml.WriteEndElement();
                if (item.Author is { } author)
                {
                    xml.WriteStartElement("author", AtomNamespace);
                    xml.WriteElementString("name", AtomNamespace, author);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return output.ToString();
    }

    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    private static readonly XmlWriterSettings Settings = new() { Indent = true, Encoding = new UTF8Encoding(false), CheckCharacters = true };

    private static string Urn(Guid key) => $"urn:uuid:{key:D}";

    private static string Rfc3339(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void Link(XmlWriter xml, string href, string rel, string type)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("href", href);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteEndElement();
    }
}

/// <param name="PageUrl">The news page (absolute).</param>
/// <param name="FeedUrl">This feed (absolute).</param>
/// <param name="Language">The culture code (<c>vi</c>, <c>en</c>).</param>
public sealed record FeedChannel(string Title, string Description, string PageUrl, string FeedUrl, string Language, string Publisher, DateTimeOffset Updated);

/// <param name="Url">The item's page (absolute).</param>
/// <param name="Category">The category's name in the feed's language.</param>
public sealed record FeedItem(Guid Key, string Title, string Url, string Summary, string Category, string? Author, DateTimeOffset Published, DateTimeOffset Updated);
