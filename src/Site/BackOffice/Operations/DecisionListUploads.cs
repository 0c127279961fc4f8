using System.Text.Json;
using Spcncl.Hosting;
using Spcncl.Registry.Import;

namespace Spcncl.Site.BackOffice.Operations;

/// <summary>
/// Decision lists uploaded to the back office, kept between the dry run and the commit: under App_Data in a folder of
/// their own, named by a generated id (the name the clerk's file had is only shown, never used as a path), with a
/// small JSON record of who uploaded it and what the last run reported. The file goes once it is committed; records
/// and forgotten uploads go after a week.
/// </summary>
public sealed class DecisionListUploads(SitePaths paths, TimeProvider clock, ILogger<DecisionListUploads> logger)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private string Folder => Path.Combine(paths.Data, "registry-imports");

    /// <summary>Stores an upload under a new id; <paramref name="format"/> is what its content showed it to be (<c>csv</c> or <c>xlsx</c>).</summary>
    public async Task<Guid> SaveAsync(Stream content, string format, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        CleanUp();
        var id = Guid.NewGuid();
        await using var file = new FileStream(DataPath(id, format), FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        await content.CopyToAsync(file, ct);
        return id;
    }

    public FileStream? OpenData(ImportRecord record) =>
        File.Exists(DataPath(record.Id, record.Format)) ? new FileStream(DataPath(record.Id, record.Format), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true) : null;

    public bool HasData(ImportRecord record) => File.Exists(DataPath(record.Id, record.Format));

    public void DeleteData(ImportRecord record) => File.Delete(DataPath(record.Id, record.Format));

    public ImportRecord? Read(Guid id)
    {
        var path = RecordPath(id);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<ImportRecord>(File.ReadAllText(path), Json) : null;
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "The import record {Path} cannot be read", path);
            return null;
        }
    }

    public void Write(ImportRecord record)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(RecordPath(record.Id), JsonSerializer.Serialize(record, Json));
    }

    /// <summary>The id names the files; "N" formatting makes it 32 hexadecimal digits whatever was asked for.</summary>
    private string DataPath(Guid id, string format) => Path.Combine(Folder, $"{id:N}.{(format == "xlsx" ? "xlsx" : "csv")}");

    private string RecordPath(Guid id) => Path.Combine(Folder, $"{id:N}.json");

    private void CleanUp()
    {
        var before = clock.GetUtcNow().UtcDateTime - KeepFor;
        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) < before)
                {
                    File.Delete(file);
                }
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "An old import file {Path} could not be removed", file);
            }
        }
    }
}

/// <summary>One uploaded decision list: whose, when, and the report of its last run (dry run or commit).</summary>
public sealed record ImportRecord(Guid Id, string FileName, string Format, string UploadedBy, DateTime UploadedUtc, ImportSummary Report, string? CommittedBy = null, DateTime? CommittedUtc = null);

/// <summary>
/// What an import reported, as kept between requests. The file's problem is kept in English with its code and
/// arguments; records written before problems had codes have neither (they show the English).
/// </summary>
public sealed record ImportSummary(
    bool DryRun,
    bool Committed,
    string? FileError,
    int Rows,
    ImportFigures Cycles,
    ImportFigures Enterprises,
    ImportFigures Products,
    ImportFigures Awards,
    IReadOnlyList<ImportRowError> Errors,
    string? FileErrorCode = null,
    IReadOnlyList<string>? FileErrorArgs = null)
{
    public bool Succeeded => FileError is null && Errors.Count == 0;

    public static ImportSummary Of(RegistryImportReport report) => new(
        report.DryRun,
        report.Committed,
        report.FileError,
        report.Rows,
        ImportFigures.Of(report.Cycles),
        ImportFigures.Of(report.Enterprises),
        ImportFigures.Of(report.Products),
        ImportFigures.Of(report.Awards),
        [.. report.Errors],
        report.FileProblem?.Code,
        report.FileProblem?.Args);
}

public sealed record ImportFigures(int Created, int Updated, int Unchanged)
{
    public static ImportFigures Of(ImportCounts counts) => new(counts.Created, counts.Updated, counts.Unchanged);
}
