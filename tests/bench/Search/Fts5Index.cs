using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Spcncl.Search;

namespace Spcncl.Bench.Search;

/// <summary>
/// The embedded alternative a site might pick instead of Lucene: SQLite FTS5 (bundled with Microsoft.Data.Sqlite)
/// over the same value sets the site's index is built from, with the <c>unicode61 remove_diacritics 2</c> tokenizer
/// and bm25 ranking weighted like the site's fields (name 4, summary 2, body 1). Queries are sanitised into FTS5
/// syntax: each word quoted, the last one also as a prefix, a quoted input as a phrase; results carry a highlighted
/// title and a snippet, as the site's do. With <paramref name="foldStroke"/> the application maps đ/Đ to d/D on
/// both sides, which unicode61 does not do (đ is a letter of its own, not d with a mark).
/// </summary>
public sealed partial class Fts5Index : IDisposable
{
    private const string Columns = "name_vi, name_en, summary_vi, summary_en, body_vi, body_en";
    private static readonly string[] InsertParameters = ["$id", "$nv", "$ne", "$sv", "$se", "$bv", "$be", "$kind", "$key"];
    private readonly SqliteConnection _connection;
    private readonly bool _foldStroke;

    private Fts5Index(SqliteConnection connection, bool foldStroke)
    {
        _connection = connection;
        _foldStroke = foldStroke;
    }

    public static Fts5Index Create(string file, bool foldStroke)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        var index = new Fts5Index(connection, foldStroke);
        index.Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        index.Execute($"CREATE VIRTUAL TABLE pages USING fts5({Columns}, kind UNINDEXED, key UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')");
        index.Execute("INSERT INTO pages(pages, rank) VALUES('rank', 'bm25(4.0, 4.0, 2.0, 2.0, 1.0, 1.0)')");
        return index;
    }

    /// <summary>Adds every value set in one transaction, then merges the index's segments into one.</summary>
    public int Build(IEnumerable<ValueSet> values)
    {
        var count = 0;
        using (var transaction = _connection.BeginTransaction())
        {
            using var insert = _connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO pages(rowid, {Columns}, kind, key) VALUES ({string.Join(", ", InsertParameters)})";
            var parameters = InsertParameters.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
            insert.Prepare();
            foreach (var value in values)
            {
                var vi = value.Cultures.GetValueOrDefault("vi");
                var en = value.Cultures.GetValueOrDefault("en");
                object[] row = [value.DocumentId, Text(vi?.Name), Text(en?.Name), Text(vi?.Summary), Text(en?.Summary), Text(vi?.Body), Text(en?.Body), SearchFields.KindValue(value.Kind), value.Key.ToString("N")];
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i].Value = row[i];
                }

                insert.ExecuteNonQuery();
                count++;
            }

            transaction.Commit();
        }

        Execute("INSERT INTO pages(pages) VALUES('optimize')");
        return count;
    }

    /// <summary>The best <paramref name="limit"/> matches: key, highlighted title and snippet in the visitor's language.</summary>
    public IReadOnlyList<(Guid Key, string Title, string Snippet)> Search(string text, string culture, bool productsOnly, int limit = 10)
    {
        if (Sanitise(Text(text)) is not { } match)
        {
            return [];
        }

        var (title, body) = culture == "vi" ? (0, 4) : (1, 5);
        using var query = _connection.CreateCommand();
        query.CommandText =
            $"SELECT key, highlight(pages, {title}, '<mark>', '</mark>'), snippet(pages, {body}, '<mark>', '</mark>', '…', 24) FROM pages " +
            $"WHERE pages MATCH $match{(productsOnly ? " AND kind = 'product'" : "")} ORDER BY rank LIMIT $limit";
        query.Parameters.AddWithValue("$match", match);
        query.Parameters.AddWithValue("$limit", limit);
        var results = new List<(Guid, string, string)>(limit);
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            results.Add((Guid.ParseExact(reader.GetString(0), "N"), reader.GetString(1), reader.GetString(2)));
        }

        return results;
    }

    /// <summary>Plain text into FTS5 syntax that cannot fail: words quoted, the last also as a prefix; a quoted input is a phrase.</summary>
    public static string? Sanitise(string text)
    {
        var words = WordPattern().Matches(text).Select(m => m.Value).Take(SearchService.MaxWords).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var trimmed = text.Trim();
        if (words.Count > 1 && trimmed.Length > 1 && trimmed[0] == '"' && trimmed[^1] == '"')
        {
            return $"\"{string.Join(' ', words)}\"";
        }

        return string.Join(' ', words.Select((w, i) => i == words.Count - 1 ? $"\"{w}\"*" : $"\"{w}\""));
    }

    /// <summary>The database file and its write-ahead log.</summary>
    public long SizeBytes() =>
        new[] { _connection.DataSource, _connection.DataSource + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);

    public void Dispose() => _connection.Dispose();

    private string Text(string? text)
    {
        if (string.IsNullOrEmpty(text) || !_foldStroke)
        {
            return text ?? "";
        }

        return new StringBuilder(text).Replace('đ', 'd').Replace('Đ', 'D').ToString();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [GeneratedRegex(@"[\p{L}\p{Mn}\p{Nd}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
