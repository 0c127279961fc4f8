using Spcncl.Markdown;

namespace Spcncl.Published.Models;

// The typed models of the foundation's document types. Each property reads the alias of the same name in
// uSync/DocumentTypes/{alias}.json; a test checks that every alias read here exists there.

[DocumentTypeModel("home")]
public sealed class HomePage(PublishedPageContext context) : PublishedPage(context)
{
    public string HeroTitle => Text("heroTitle") ?? Name;

    public string? HeroText => Text("heroText");

    public SanitizedHtml Intro => Markdown("intro");

    public IReadOnlyList<KeyValueItem> KeyFigures => KeyValues("keyFigures");

    public IReadOnlyList<PublishedPage> FeaturedPages => [.. PickedMany("featuredPages").Where(p => p.Url is not null)];

    public SectorListPage? SectorList => ChildrenOf<SectorListPage>().FirstOrDefault();
}

[DocumentTypeModel("textPage")]
public sealed class TextPage(PublishedPageContext context) : PublishedPage(context)
{
    public string? Summary => Text("summary");

    public SanitizedHtml Body => Markdown("body");

    /// <summary>The pages below this one that have a URL in this culture (the "in this section" list).</summary>
    public IReadOnlyList<PublishedPage> SubPages => [.. Children.Where(c => c.Url is not null && !c.HideFromNavigation)];
}

[DocumentTypeModel("sectorList")]
public sealed class SectorListPage(PublishedPageContext context) : PublishedPage(context)
{
    public SanitizedHtml Intro => Markdown("intro");

    public IEnumerable<SectorPage> Sectors => ChildrenOf<SectorPage>();
}

[DocumentTypeModel("sector")]
public sealed class SectorPage(PublishedPageContext context) : PublishedPage(context)
{
    /// <summary>The stable code used by filters and the registry (<c>mechanical</c>, <c>food</c>, …).</summary>
    public string Code => Text("code") ?? "";

    public string? Summary => Text("summary");

    public SanitizedHtml Description => Markdown("description");

    public IReadOnlyList<string> TypicalProducts => Strings("typicalProducts");

    public SectorListPage? SectorList => Parent as SectorListPage;
}

[DocumentTypeModel("contactPage")]
public sealed class ContactPage(PublishedPageContext context) : PublishedPage(context)
{
    public SanitizedHtml Intro => Markdown("intro");

    public string? Organisation => Text("organisation");

    public string? Address => Text("address");

    public string? Phone => Text("phone");

    /// <summary>The telephone number as a <c>tel:</c> link (digits and a leading +).</summary>
    public string? PhoneUri => Phone is { } phone ? "tel:" + new string(phone.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray()) : null;

    public string? Email => Text("email");

    public string? Website => Text("website");

    public IReadOnlyList<KeyValueItem> OfficeHours => KeyValues("officeHours");
}

[DocumentTypeModel("notFound")]
public sealed class NotFoundPage(PublishedPageContext context) : PublishedPage(context)
{
    public SanitizedHtml Body => Markdown("body");
}
