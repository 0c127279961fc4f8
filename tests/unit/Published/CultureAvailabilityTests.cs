using System.Collections.Frozen;
using System.Text.Json;
using Spcncl.Content.DocumentTypes;
using Spcncl.Localization;
using Spcncl.Published;

namespace Spcncl.Tests.Published;

/// <summary>
/// The one rule of which cultures a page exists in, and how: translated, falling back to Vietnamese when its type
/// allows it, or not at all. Alternates (hreflang, sitemap) and child lists read the same rule.
/// </summary>
public sealed class CultureAvailabilityTests
{
    private static readonly SiteCultures Cultures = new(
    [
        new CultureDefinition { Code = "vi", NativeName = "Tiếng Việt", Locale = "vi-VN", Default = true },
        new CultureDefinition { Code = "en", NativeName = "English", Locale = "en-GB" },
    ]);

    private static readonly DocumentType Home = Type("home", fallback: false);
    private static readonly DocumentType Page = Type("page", fallback: false);
    private static readonly DocumentType Article = Type("article", fallback: true);

    private static DocumentType Type(string alias, bool fallback) => new(
        alias, new LocalizedText(new Dictionary<string, string> { ["vi"] = alias, ["en"] = alias }), "icon",
        variesByCulture: true, cultureFallback: fallback, allowAtRoot: true, routable: true, [], "View", []);

    private static PublishedDocument Doc(int id, int? parent, DocumentType type, params (string Culture, string Segment)[] variants) => new(
        id, Guid.NewGuid(), parent, id, type, DateTime.UtcNow,
        FrozenDictionary<string, JsonElement>.Empty,
        variants.ToFrozenDictionary(
            v => v.Culture,
            v => new PublishedVariant(v.Culture, v.Segment, v.Segment, DateTime.UtcNow, DateTime.UtcNow, FrozenDictionary<string, JsonElement>.Empty)));

    private static PublishedSnapshot Build(params PublishedDocument[] documents) => PublishedSnapshot.Build(1, Cultures, documents, []);

    [Fact]
    public void UntranslatedPage_WithoutFallback_HasNoEnglishUrlAndIsLeftOutOfEnglishLists()
    {
        var home = Doc(1, null, Home, ("vi", "trang-chu"), ("en", "home"));
        var translated = Doc(2, 1, Page, ("vi", "gioi-thieu"), ("en", "about"));
        var untranslated = Doc(3, 1, Page, ("vi", "chi-tieng-viet"));
        var snapshot = Build(home, translated, untranslated);

        Assert.Null(snapshot.In(untranslated, "en"));
        Assert.Null(snapshot.Match("/en/chi-tieng-viet"));
        Assert.Equal("/vi/chi-tieng-viet", snapshot.In(untranslated, "vi")!.Url);
        Assert.Equal([2], snapshot.Children(home, "en").Select(d => d.Id));
        Assert.Equal([2, 3], snapshot.Children(home, "vi").Select(d => d.Id));
        Assert.Equal(["vi", "x-default"], PageAlternates.For(snapshot, untranslated).Select(a => a.HrefLang));
    }

    [Fact]
    public void UntranslatedPage_WithFallback_ShowsVietnameseAtAnEnglishUrl()
    {
        var home = Doc(1, null, Home, ("vi", "trang-chu"), ("en", "home"));
        var article = Doc(2, 1, Article, ("vi", "bai-viet"));
        var snapshot = Build(home, article);

        var page = snapshot.In(article, "en")!;

        Assert.Equal(new PageCulture("en", "vi", "/en/bai-viet", IsFallback: true), page);
        Assert.Equal(new RouteMatch(2, "en"), snapshot.Match("/en/bai-viet"));
        Assert.Equal([2], snapshot.Children(home, "en").Select(d => d.Id));
        Assert.Equal(["vi", "en", "x-default"], PageAlternates.For(snapshot, article).Select(a => a.HrefLang));
    }

    [Fact]
    public void TranslatedPage_IsNeverAFallback()
    {
        var home = Doc(1, null, Home, ("vi", "trang-chu"), ("en", "home"));
        var article = Doc(2, 1, Article, ("vi", "bai-viet"), ("en", "article"));

        var page = Build(home, article).In(article, "en")!;

        Assert.False(page.IsFallback);
        Assert.Equal("/en/article", page.Url);
    }

    [Fact]
    public void ChildOfAnUntranslatedParent_DoesNotExistInThatCulture()
    {
        var home = Doc(1, null, Home, ("vi", "trang-chu"), ("en", "home"));
        var parent = Doc(2, 1, Page, ("vi", "muc"));
        var child = Doc(3, 2, Page, ("vi", "con"), ("en", "child"));
        var snapshot = Build(home, parent, child);

        Assert.Null(snapshot.In(child, "en"));
        Assert.Equal("/vi/muc/con", snapshot.In(child, "vi")!.Url);
    }

    [Fact]
    public void DocumentWhoseParentIsNotPublished_ExistsNowhere()
    {
        var home = Doc(1, null, Home, ("vi", "trang-chu"), ("en", "home"));
        var orphan = Doc(3, 2, Page, ("vi", "mo-coi"), ("en", "orphan"));
        var snapshot = Build(home, orphan);

        Assert.Empty(snapshot.CulturesOf(orphan));
    }

    [Fact]
    public void FallbackUrl_NeverTakesATranslatedSiblingsUrl()
    {
        var home = Doc(1, null, Home, ("vi", "trang-chu"), ("en", "home"));
        var english = Doc(2, 1, Page, ("vi", "tin-tuc"), ("en", "news"));
        var fallback = Doc(3, 1, Article, ("vi", "news"));
        var snapshot = Build(home, english, fallback);

        Assert.Equal(new RouteMatch(2, "en"), snapshot.Match("/en/news"));
        Assert.Null(snapshot.In(fallback, "en")!.Url);
    }

    [Fact]
    public void Home_IsTheCultureRoot_AndItsXDefaultIsTheLanguageChoosingRoot()
    {
        var home = Doc(1, null, Home, ("vi", "trang-chu"), ("en", "home"));
        var snapshot = Build(home);

        Assert.Equal("/vi/", snapshot.In(home, "vi")!.Url);
        Assert.Equal(new PageAlternate("x-default", "/"), PageAlternates.For(snapshot, home)[^1]);
    }
}
