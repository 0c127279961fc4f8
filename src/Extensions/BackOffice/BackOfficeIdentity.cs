namespace Spcncl.BackOffice;

/// <summary>The signed-in person as permissions see them: name, roles and start node, read from the database for each request.</summary>
public sealed record BackOfficeIdentity(string UserId, string UserName, string DisplayName, IReadOnlySet<string> Roles, Guid? StartNodeKey, string UiCulture)
{
    public bool Is(string role) => Roles.Contains(role);

    public bool IsAny(params string[] roles) => roles.Any(Roles.Contains);

    /// <summary>True when the place is the start node, below it, or when the person has no start node.</summary>
    public bool IsWithinStartNode(DocumentPlace place) =>
        StartNodeKey is not { } start || place.Key == start || place.AncestorKeys.Contains(start);

    /// <summary>What the audit log and versions record as "who".</summary>
    public string AuditName => UserName;
}
