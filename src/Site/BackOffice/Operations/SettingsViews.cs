using Spcncl.BackOffice;
using Spcncl.Localization;
using Spcncl.Persistence.Entities;
using Spcncl.Published;
using Spcncl.Search;

namespace Spcncl.Site.BackOffice.Operations;

// View models of the settings and operations screens. The controllers build them; the views only print them.

/// <summary>The settings pages this person may open (a dictionary key for each name and description).</summary>
public sealed record SettingsHomeView(IReadOnlyList<SettingsLink> Links);

public sealed record SettingsLink(string Url, string NameKey, string TextKey);

// ---- Redirects ------------------------------------------------------------------------------------------

public sealed record RedirectsView(
    IReadOnlyList<AutomaticRedirectRow> Automatic,
    IReadOnlyList<ManualRedirectEntry> Manual,
    RedirectForm Form,
    IReadOnlyDictionary<string, ManualRedirectError> Errors,
    string? Done)
{
    public ManualRedirectError? Error(string field) => Errors.TryGetValue(field, out var error) ? error : null;

    public string? Invalid(string field) => Errors.ContainsKey(field) ? "true" : null;

    public string? DescribedBy(string field, string hint) => Errors.ContainsKey(field) ? $"{hint} {field}-error" : hint;
}

/// <param name="Target">The page's current URL in that culture, or null when the page is not published there now.</param>
public sealed record AutomaticRedirectRow(string Path, string Culture, string PageName, string? Target);

public sealed class RedirectForm
{
    public string? Path { get; set; }

    public string? Target { get; set; }
}

// ---- Dictionary -----------------------------------------------------------------------------------------

/// <param name="Values">Per key, per culture: the text shown in the box (as stored, or as typed when the save was refused).</param>
/// <param name="Originals">Per key, per culture: the text as stored when the page was shown (to detect someone else's save).</param>
public sealed record DictionaryView(
    string? Q,
    string? Group,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Cultures,
    IReadOnlyList<string> Keys,
    IReadOnlyDictionary<(string Key, string Culture), string> Values,
    IReadOnlyDictionary<(string Key, string Culture), string> Originals,
    IReadOnlyDictionary<(string Key, string Culture), DictionaryEditProblem> Errors,
    int Total,
    Pager Pager,
    string ReturnUrl,
    int? Saved)
{
    public string Value(string key, string culture) => Values.TryGetValue((key, culture), out var value) ? value : "";

    public string Original(string key, string culture) => Originals.TryGetValue((key, culture), out var value) ? value : "";

    public DictionaryEditProblem? Error(string key, string culture) => Errors.TryGetValue((key, culture), out var problem) ? problem : null;

    public string? Invalid(string key, string culture) => Errors.ContainsKey((key, culture)) ? "true" : null;

    /// <summary>Long texts get a taller box.</summary>
    public int Rows(string key) => Cultures.Max(c => Value(key, c).Length) switch
    {
        > 240 => 6,
        > 80 => 3,
        _ => 1,
    };
}

// ---- Users ----------------------------------------------------------------------------------------------

public sealed record UsersView(IReadOnlyList<UserRow> Users, string? Done);

public sealed record UserRow(BackOfficeAccount Account, string? StartNodeName);

/// <summary>A new account's form: what was typed (never the password), and what was wrong (dictionary keys, or Identity's own messages).</summary>
public sealed record NewUserView(NewUserForm Form, IReadOnlyList<string> ErrorKeys, IReadOnlyList<string> IdentityMessages, IReadOnlyList<StartNodeChoice> StartNodes)
{
    public static IReadOnlyList<string> Roles => BackOfficeRoles.All;

    public bool HasErrors => ErrorKeys.Count + IdentityMessages.Count != 0;
}

public sealed class NewUserForm
{
    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    public string? Password { get; set; }

    public string? UiCulture { get; set; }

    public List<string> Roles { get; set; } = [];

    public string? StartNode { get; set; }
}

/// <summary>One account's page: roles, start node, lock and two-factor, each its own small form.</summary>
public sealed record UserView(BackOfficeAccount Account, bool IsMe, IReadOnlyList<StartNodeChoice> StartNodes, string? Done, string? ErrorKey, IReadOnlyList<string> IdentityMessages)
{
    public static IReadOnlyList<string> Roles => BackOfficeRoles.All;

    public bool HasRole(string role) => Account.Roles.Contains(role);
}

/// <summary>The start-node select: the pages to choose from and the chosen one's key.</summary>
public sealed record StartNodePicker(IReadOnlyList<StartNodeChoice> Choices, string? Selected);

/// <summary>A page a start node may be set to, named by its path from the root (Trang chủ › Tin tức).</summary>
public sealed record StartNodeChoice(Guid Key, string Path);

// ---- Audit log ------------------------------------------------------------------------------------------

public sealed record AuditFilter(string? User, string? Action, string? Document, string? From, string? To);

public sealed record AuditView(AuditFilter Filter, IReadOnlyList<AuditEntryEntity> Entries, int Total, Pager Pager, IReadOnlyList<string> Users, IReadOnlyList<string> Actions, IReadOnlyList<string> Problems);

// ---- Search index ---------------------------------------------------------------------------------------

public sealed record SearchStatusView(SearchIndexStatus Status, SearchRebuildProgress Rebuild)
{
    /// <summary>Documents per kind, every kind listed (the index counts by each kind's stored value).</summary>
    public IReadOnlyList<(SearchKind Kind, int Count)> Kinds =>
        [.. Enum.GetValues<SearchKind>().Select(k => (k, Status.ByKind.TryGetValue(SearchFields.KindValue(k), out var count) ? count : 0))];
}

/// <summary>What the progress endpoint answers (JSON), polled by the search screen while a rebuild runs.</summary>
public sealed record SearchProgressResponse(bool Rebuilding, int Done, int Total, int Percent, bool Failed, int Documents, DateTime? LastUpdateUtc, string Message);

// ---- Health ---------------------------------------------------------------------------------------------

public enum HealthState
{
    Ok,
    Warning,
    Failed,
}

/// <summary>One line of the health page: a dictionary key for what was checked, its state, and a key and arguments for what was found.</summary>
public sealed record HealthLine(string NameKey, HealthState State, string FindingKey, IReadOnlyList<object?> Arguments)
{
    public object?[] ArgumentArray => [.. Arguments];
}

public sealed record HealthSection(string TitleKey, IReadOnlyList<HealthLine> Lines);

public sealed record HealthView(IReadOnlyList<HealthSection> Sections)
{
    public HealthState Overall => Sections.SelectMany(s => s.Lines).Select(l => l.State).DefaultIfEmpty(HealthState.Ok).Max();
}
