using Spcncl.Registry;

namespace Spcncl.Site.BackOffice.Operations;

// View models of the registry screens. The controller builds them; the views only print them.

/// <summary>The registry's start: each year's cycle with its award counts, and the years a cycle may be opened for.</summary>
public sealed record RegistryHomeView(IReadOnlyList<CycleListRow> Cycles, IReadOnlyList<int> OpenYears);

public sealed record CycleListRow(AwardCycle Cycle, int Awards, int Top10);

/// <summary>The upload form, perhaps with why the last upload was refused (a dictionary key and its argument).</summary>
public sealed record ImportFormView(long MaxBytes, string? Error = null, object? ErrorArgument = null)
{
    /// <summary>The limit in megabytes, as people read it.</summary>
    public decimal MaxMegabytes => Math.Round(MaxBytes / 1024m / 1024m, 1);
}

/// <summary>A dry run's (or a commit's) report, and whether the file may now be committed.</summary>
public sealed record ImportReportView(ImportRecord Record, bool CanCommit)
{
    public ImportSummary Report => Record.Report;

    public IReadOnlyList<(string Key, ImportFigures Figures)> Figures =>
    [
        ("BackOffice.Import.Cycles", Report.Cycles),
        ("BackOffice.Import.Enterprises", Report.Enterprises),
        ("BackOffice.Import.Products", Report.Products),
        ("BackOffice.Import.Awards", Report.Awards),
    ];
}

/// <param name="Top10">Only the Top 10.</param>
public sealed record AwardsFilter(int? Year, string? Sector, bool Top10, string? Q, int Page);

public sealed record AwardsView(
    AwardsFilter Filter,
    IReadOnlyList<AwardListRow> Rows,
    int Total,
    Pager Pager,
    IReadOnlyList<int> Years,
    IReadOnlyList<(string Code, string Name)> Sectors);

public sealed record AwardListRow(int Id, int Year, string Certificate, string Product, string Enterprise, string Sector, bool Top10, bool FirstTime, DateOnly ValidUntil);

/// <summary>An award's edit form: what is stored, what was typed, each field's problem, and the sectors to choose from.</summary>
public sealed record AwardEditView(
    EditableAward Award,
    AwardForm Form,
    IReadOnlyDictionary<string, RegistryEditError> Errors,
    IReadOnlyList<(string Code, string Name)> Sectors,
    bool Saved,
    bool Conflict)
{
    public string Action => $"{BackOfficeHost.Path}/registry/awards/{Award.Id}";

    public RegistryEditError? Error(string field) => Errors.TryGetValue(field, out var error) ? error : null;

    public string? Invalid(string field) => Errors.ContainsKey(field) ? "true" : null;

    public string? DescribedBy(string field) => Errors.ContainsKey(field) ? field + "-error" : null;
}

/// <summary>The award form as posted (and as first shown, from the stored award).</summary>
public sealed class AwardForm
{
    public string? CertificateNumber { get; set; }

    public string? SectorCode { get; set; }

    public bool Top10 { get; set; }

    public string? ValidUntil { get; set; }

    public string? ProductNameVi { get; set; }

    public string? ProductNameEn { get; set; }

    public string? EnterpriseNameVi { get; set; }

    public string? EnterpriseNameEn { get; set; }

    public long Stamp { get; set; }

    public static AwardForm From(EditableAward award) => new()
    {
        CertificateNumber = award.CertificateNumber,
        SectorCode = award.SectorCode,
        Top10 = award.Top10,
        ValidUntil = award.ValidUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ProductNameVi = award.ProductNameVi,
        ProductNameEn = award.ProductNameEn,
        EnterpriseNameVi = award.EnterpriseNameVi,
        EnterpriseNameEn = award.EnterpriseNameEn,
        Stamp = award.Stamp,
    };

    public AwardChanges ToChanges() => new(CertificateNumber, SectorCode, Top10, ValidUntil, ProductNameVi, ProductNameEn, EnterpriseNameVi, EnterpriseNameEn, Stamp);
}

/// <summary>A cycle's edit form (or the form that opens a new year).</summary>
public sealed record CycleEditView(
    int? Year,
    CycleForm Form,
    IReadOnlyDictionary<string, RegistryEditError> Errors,
    IReadOnlyList<int> OpenYears,
    bool Saved,
    bool Conflict,
    int AwardsFollowed)
{
    public bool IsNew => Year is null;

    public string Action => Year is { } year ? $"{BackOfficeHost.Path}/registry/cycles/{year}" : $"{BackOfficeHost.Path}/registry/cycles/new";

    public static IReadOnlyList<CycleStatus> Statuses { get; } = Enum.GetValues<CycleStatus>();

    public RegistryEditError? Error(string field) => Errors.TryGetValue(field, out var error) ? error : null;

    public string? Invalid(string field) => Errors.ContainsKey(field) ? "true" : null;

    public string? DescribedBy(string field) => Errors.ContainsKey(field) ? field + "-error" : null;
}

public sealed class CycleForm
{
    public int Year { get; set; }

    public string? Status { get; set; }

    public string? DecisionNumber { get; set; }

    public string? DecisionDate { get; set; }

    public string? CouncilDate { get; set; }

    public string? CeremonyDate { get; set; }

    public long Stamp { get; set; }

    public static CycleForm From(EditableCycle cycle) => new()
    {
        Year = cycle.Year,
        Status = cycle.Status,
        DecisionNumber = cycle.DecisionNumber,
        DecisionDate = Iso(cycle.DecisionDate),
        CouncilDate = Iso(cycle.CouncilDate),
        CeremonyDate = Iso(cycle.CeremonyDate),
        Stamp = cycle.Stamp,
    };

    public CycleChanges ToChanges() => new(Status, DecisionNumber, DecisionDate, CouncilDate, CeremonyDate, Stamp);

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A year's certificates with their QR codes, to print.</summary>
public sealed record QrSheetView(int? Year, IReadOnlyList<int> Years, AwardCycle? Cycle, IReadOnlyList<QrCard> Cards);

public sealed record QrCard(string Certificate, string Product, string Enterprise, bool Top10, DateOnly ValidUntil, string ImageUrl, string VerifyUrl);
