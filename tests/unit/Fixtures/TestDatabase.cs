using Npgsql;
using Spcncl.Persistence;

namespace Spcncl.Tests.Fixtures;

/// <summary>
/// A throwaway database for one fixture: a SQLite file in a temp folder, or a fresh database on the PostgreSQL
/// server that tests/run.sh starts (its address in SPCNCL_TEST_POSTGRES).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SPCNCL_TEST_POSTGRES";

    private readonly string? _adminConnection;
    private readonly string? _databaseName;

    private TestDatabase(DatabaseProvider provider, string dataFolder, string? connectionString, string? adminConnection, string? databaseName)
    {
        Provider = provider;
        DataFolder = dataFolder;
        ConnectionString = connectionString;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The site's App_Data for this fixture.</summary>
    public string DataFolder { get; }

    /// <summary>Null for SQLite: the site uses its default file under <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; }

    /// <param name="copyOf">A database to start from (a seeded template): its data folder is copied, and on PostgreSQL the database is created from it.</param>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, TestDatabase? copyOf = null)
    {
        var data = RepositoryPaths.NewTempFolder(provider.ToString().ToLowerInvariant());
        if (copyOf is not null)
        {
            RepositoryPaths.CopyFolder(copyOf.DataFolder, data);
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, data, null, null, null);
        }

        var admin = AdminConnection();
        var name = $"spcncl_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            var template = copyOf?._databaseName is { } source ? $" TEMPLATE \"{source}\"" : "";
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{template}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
        return new TestDatabase(provider, data, builder.ConnectionString, admin, name);
    }

    private static string AdminConnection()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        return string.IsNullOrWhiteSpace(admin)
            ? throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: run tests/run.sh, which starts one, or set {PostgresVariable} to a connection string of a user allowed to create databases.")
            : admin;
    }

    public Dictionary<string, string?> Settings() => new()
    {
        ["Site:DataPath"] = DataFolder,
        ["Site:Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Site"] = ConnectionString,
    };

    public async ValueTask DisposeAsync()
    {
        if (_adminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pooled connection: the OS cleans the temp folder.
        }
    }
}
