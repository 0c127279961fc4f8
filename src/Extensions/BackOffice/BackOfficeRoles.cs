namespace Spcncl.BackOffice;

/// <summary>The back office's roles. What each may do is decided in one place, <see cref="BackOfficePermissions"/>.</summary>
public static class BackOfficeRoles
{
    /// <summary>Everything, users included.</summary>
    public const string Administrator = nameof(Administrator);

    /// <summary>All content, in every culture; publishes.</summary>
    public const string Editor = nameof(Editor);

    /// <summary>News, broadcast reports, announcements and events; publishes those.</summary>
    public const string Press = nameof(Press);

    /// <summary>Edits the non-default cultures only; never publishes, deletes or changes shared values.</summary>
    public const string Translator = nameof(Translator);

    /// <summary>The award registry: decision-list imports, awards, cycles, QR codes.</summary>
    public const string RegistryClerk = nameof(RegistryClerk);

    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Press, Translator, RegistryClerk];
}
