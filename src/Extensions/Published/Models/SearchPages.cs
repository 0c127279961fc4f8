using Spcncl.Markdown;

namespace Spcncl.Published.Models;

// The typed model of the search page (/vi/tim-kiem, /en/search).

[DocumentTypeModel("searchPage")]
public sealed class SearchPage(PublishedPageContext context) : PublishedPage(context)
{
    public SanitizedHtml Intro => Markdown("intro");
}
