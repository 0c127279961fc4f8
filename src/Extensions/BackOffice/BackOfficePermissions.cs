using Spcncl.Localization;
using Spcncl.Published;

namespace Spcncl.BackOffice;

/// <summary>
/// Who may do what, for every back-office action, document and culture: the one place that decides, asked by every
/// controller on the server (the screens only hide what this refuses). A start node limits a person to a subtree.
/// </summary>
public sealed class BackOfficePermissions(SiteCultures cultures)
{
    /// <summary>The document types press staff work on, and the lists that hold them.</summary>
    public static readonly IReadOnlySet<string> PressTypes = new HashSet<string>(StringComparer.Ordinal) { "newsArticle", "broadcastReport", "announcement", "event" };

    private static readonly IReadOnlySet<string> PressParents = new HashSet<string>(StringComparer.Ordinal) { "newsList", "eventList" };

    /// <summary>Actions that are not about one document.</summary>
    public static bool Can(BackOfficeIdentity user, BackOfficeArea area) => area switch
    {
        BackOfficeArea.Content => user.IsAny(BackOfficeRoles.Administrator, BackOfficeRoles.Editor, BackOfficeRoles.Press, BackOfficeRoles.Translator),
        BackOfficeArea.Translations => user.IsAny(BackOfficeRoles.Administrator, BackOfficeRoles.Editor, BackOfficeRoles.Translator),
        BackOfficeArea.Media => user.IsAny(BackOfficeRoles.Administrator, BackOfficeRoles.Editor, BackOfficeRoles.Press),
        BackOfficeArea.Registry => user.IsAny(BackOfficeRoles.Administrator, BackOfficeRoles.RegistryClerk),
        BackOfficeArea.Enquiries => user.IsAny(BackOfficeRoles.Administrator, BackOfficeRoles.Editor, BackOfficeRoles.RegistryClerk),
        BackOfficeArea.Comments => user.IsAny(BackOfficeRoles.Administrator, BackOfficeRoles.Editor, BackOfficeRoles.Press),
        BackOfficeArea.Redirects or BackOfficeArea.Dictionary or BackOfficeArea.AuditLog => user.IsAny(BackOfficeRoles.Administrator, BackOfficeRoles.Editor),
        BackOfficeArea.Users or BackOfficeArea.Search or BackOfficeArea.Health => user.IsAny(BackOfficeRoles.Administrator),
        BackOfficeArea.Account => true,
        _ => false,
    };

    /// <summary>
    /// An action on a document (or under it, for <see cref="ContentAction.Create"/>), in a culture where the action
    /// has one. <paramref name="snapshotOrTree"/> answers where the document sits, for start nodes.
    /// </summary>
    public bool Can(BackOfficeIdentity user, ContentAction action, DocumentPlace place, string? culture = null)
    {
        if (!Can(user, BackOfficeArea.Content) || !user.IsWithinStartNode(place))
        {
            return false;
        }

        if (user.Is(BackOfficeRoles.Administrator) || user.Is(BackOfficeRoles.Editor))
        {
            return culture is null || cultures.IsSupported(culture);
        }

        if (user.Is(BackOfficeRoles.Press) && action != ContentAction.Browse)
        {
            var ofPress = action == ContentAction.Create ? PressParents.Contains(place.DocumentType) && PressTypes.Contains(place.ChildType ?? "") : PressTypes.Contains(place.DocumentType);
            if (ofPress && (culture is null || cultures.IsSupported(culture)))
            {
                return true;
            }
        }

        if (user.Is(BackOfficeRoles.Translator))
        {
            return action switch
            {
                ContentAction.Browse or ContentAction.Preview or ContentAction.History => true,
                ContentAction.EditCulture => culture is not null && cultures.IsSupported(culture) && culture != cultures.Default.Code,
                _ => false,
            };
        }

        return action is ContentAction.Browse or ContentAction.Preview or ContentAction.History && user.IsAny(BackOfficeRoles.Press);
    }
}

/// <summary>The parts of the back office that are not about one document.</summary>
public enum BackOfficeArea
{
    Content,
    Translations,
    Media,
    Registry,
    Enquiries,
    Comments,
    Redirects,
    Dictionary,
    AuditLog,
    Users,
    Search,
    Health,
    Account,
}

/// <summary>What can be done to a document.</summary>
public enum ContentAction
{
    Browse,
    Preview,
    History,
    Create,
    EditCulture,
    EditShared,
    Publish,
    Unpublish,
    Schedule,
    Rollback,
    Move,
    Sort,
    Delete,
    Restore,
}

/// <summary>
/// A document as permissions see it: its type, its key and its ancestors' keys (for start nodes), and for
/// <see cref="ContentAction.Create"/> the type of the child to be made under it.
/// </summary>
public sealed record DocumentPlace(string DocumentType, Guid Key, IReadOnlyList<Guid> AncestorKeys, string? ChildType = null)
{
    /// <summary>The place of the tree's root (creating a top-level page).</summary>
    public static DocumentPlace Root(string? childType = null) => new("", Guid.Empty, [], childType);
}
