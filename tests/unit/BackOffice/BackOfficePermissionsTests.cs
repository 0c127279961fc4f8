using Spcncl.BackOffice;
using Spcncl.Localization;

namespace Spcncl.Tests.BackOffice;

/// <summary>
/// The whole permission table, role by role, action by action, culture by culture: what the issue asks of each role,
/// written out so a change to the rules shows here first. (The HTTP tests check that the screens ask these rules.)
/// </summary>
public sealed class BackOfficePermissionsTests
{
    private static readonly BackOfficePermissions Permissions = new(new SiteCultures(
    [
        new CultureDefinition { Code = "vi", NativeName = "Tiếng Việt", Locale = "vi-VN", Default = true },
        new CultureDefinition { Code = "en", NativeName = "English", Locale = "en-GB" },
    ]));

    private static readonly Guid Home = Guid.NewGuid();
    private static readonly Guid NewsList = Guid.NewGuid();
    private static readonly DocumentPlace TextPage = new("textPage", Guid.NewGuid(), [Home]);
    private static readonly DocumentPlace Article = new("newsArticle", Guid.NewGuid(), [Home, NewsList]);

    private static BackOfficeIdentity Person(string role, Guid? start = null) =>
        new("id", $"{role}@test", role, new HashSet<string> { role }, start, "vi");

    /// <summary>role → the actions allowed on a text page: (action, culture or "-")</summary>
    public static TheoryData<string, string, string, string, bool> Table
    {
        get
        {
            var data = new TheoryData<string, string, string, string, bool>();
            var content = new[] { ContentAction.Browse, ContentAction.Preview, ContentAction.History, ContentAction.EditCulture, ContentAction.EditShared, ContentAction.Publish, ContentAction.Unpublish, ContentAction.Schedule, ContentAction.Rollback, ContentAction.Move, ContentAction.Sort, ContentAction.Delete, ContentAction.Restore };
            foreach (var role in BackOfficeRoles.All)
            {
                foreach (var (place, name) in new[] { (TextPage, "text page"), (Article, "news article") })
                {
                    foreach (var action in content)
                    {
                        foreach (var culture in action is ContentAction.EditCulture or ContentAction.Publish or ContentAction.Unpublish ? new[] { "vi", "en" } : ["-"])
                        {
                            data.Add(role, name, action.ToString(), culture, Expected(role, place == Article, action, culture));
                        }
                    }
                }
            }

            return data;
        }
    }

    private static bool Expected(string role, bool pressMaterial, ContentAction action, string culture) => role switch
    {
        BackOfficeRoles.Administrator or BackOfficeRoles.Editor => true,
        BackOfficeRoles.Press => pressMaterial || action is ContentAction.Browse or ContentAction.Preview or ContentAction.History,
        BackOfficeRoles.Translator => action is ContentAction.Browse or ContentAction.Preview or ContentAction.History || (action == ContentAction.EditCulture && culture == "en"),
        _ => false,
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void EachRole_MayDoExactlyWhatItsRoleAllows(string role, string document, string action, string culture, bool allowed)
    {
        var place = document == "text page" ? TextPage : Article;
        var result = Permissions.Can(Person(role), Enum.Parse<ContentAction>(action), place, culture == "-" ? null : culture);
        Assert.Equal(allowed, result);
    }

    [Theory]
    [InlineData(BackOfficeRoles.Press, "newsList", "newsArticle", true)]
    [InlineData(BackOfficeRoles.Press, "eventList", "event", true)]
    [InlineData(BackOfficeRoles.Press, "home", "textPage", false)]
    [InlineData(BackOfficeRoles.Press, "productCatalogue", "product", false)]
    [InlineData(BackOfficeRoles.Translator, "newsList", "newsArticle", false)]
    [InlineData(BackOfficeRoles.Editor, "home", "textPage", true)]
    [InlineData(BackOfficeRoles.RegistryClerk, "productCatalogue", "product", false)]
    public void Creating_DependsOnTheRoleAndTheKindOfPage(string role, string parentType, string childType, bool allowed)
    {
        Assert.Equal(allowed, Permissions.Can(Person(role), ContentAction.Create, new DocumentPlace(parentType, Guid.NewGuid(), [Home], childType)));
    }

    [Fact]
    public void AStartNode_AllowsItsSubtreeOnly()
    {
        var editor = Person(BackOfficeRoles.Editor, NewsList);

        Assert.True(Permissions.Can(editor, ContentAction.EditCulture, Article, "vi"));
        Assert.True(Permissions.Can(editor, ContentAction.Browse, new DocumentPlace("newsList", NewsList, [Home])));
        Assert.False(Permissions.Can(editor, ContentAction.EditCulture, TextPage, "vi"));
        Assert.False(Permissions.Can(editor, ContentAction.Create, DocumentPlace.Root("home")));
    }

    [Theory]
    [InlineData(BackOfficeRoles.Administrator, "Content Translations Media Registry Enquiries Comments Redirects Dictionary AuditLog Users Search Health Account")]
    [InlineData(BackOfficeRoles.Editor, "Content Translations Media Enquiries Comments Redirects Dictionary AuditLog Account")]
    [InlineData(BackOfficeRoles.Press, "Content Media Comments Account")]
    [InlineData(BackOfficeRoles.Translator, "Content Translations Account")]
    [InlineData(BackOfficeRoles.RegistryClerk, "Registry Enquiries Account")]
    public void EachRole_SeesItsOwnPartsOfTheBackOffice(string role, string areas)
    {
        var allowed = Enum.GetValues<BackOfficeArea>().Where(a => BackOfficePermissions.Can(Person(role), a)).Select(a => a.ToString());
        Assert.Equal(areas.Split(' '), allowed);
    }

    [Fact]
    public void AnUnknownCulture_IsNeverAllowed()
    {
        Assert.False(Permissions.Can(Person(BackOfficeRoles.Administrator), ContentAction.EditCulture, TextPage, "fr"));
    }
}
