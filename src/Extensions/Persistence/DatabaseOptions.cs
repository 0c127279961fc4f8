namespace Spcncl.Persistence;

/// <summary>Bound from <c>Site:Database</c>; the connection string comes from <c>ConnectionStrings:Site</c> (an environment variable in production).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Site:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public enum DatabaseProvider
{
    /// <summary>The embedded default: one file under App_Data.</summary>
    Sqlite,

    /// <summary>For several instances sharing one database.</summary>
    PostgreSql,
}
