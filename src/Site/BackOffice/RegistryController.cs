using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Spcncl.BackOffice;
using Spcncl.Localization;
using Spcncl.Registry;
using Spcncl.Registry.Import;
using Spcncl.Site.BackOffice.Operations;
using Spcncl.Site.Pages;

namespace Spcncl.Site.BackOffice;

/// <summary>
/// The registry clerk's screens: a year's decision list uploaded, checked in a dry run (what it would create, update
/// and leave unchanged, and every bad row) and then committed, all through the registry's own importer; the awards,
/// filtered and corrected one by one; each year's cycle; and the year's certificates with their QR codes, to print.
/// </summary>
[Route(BackOfficeHost.Path + "/registry")]
public sealed class RegistryController(
    BackOfficeContext context,
    AwardRegistry registry,
    RegistryImporter importer,
    RegistryEditor editor,
    DecisionListUploads uploads,
    IOptions<RegistryOptions> options,
    SiteText text,
    TimeProvider clock) : BackOfficeControllerBase(context)
{
    public const int PageSize = 50;

    protected override BackOfficeArea? Area => BackOfficeArea.Registry;

    [HttpGet("")]
    public IActionResult Index()
    {
        var snapshot = registry.Current;
        var cycles = snapshot.Cycles.Select(c => new CycleListRow(c, snapshot.ForYear(c.Year).Count(), snapshot.ForYear(c.Year).Count(a => a.Top10))).ToList();
        ViewData["Title"] = text["BackOffice.Nav.Registry"];
        return View("~/Views/BackOffice/Registry/Index.cshtml", new RegistryHomeView(cycles, editor.OpenYears()));
    }

    // ---- Import ---------------------------------------------------------------------------------------

    [HttpGet("import")]
    public IActionResult Import() => ImportForm(null);

    /// <summary>Stores the upload under a generated name, runs the dry run, and shows its report (303, so a reload does not upload again).</summary>
    [HttpPost("import")]
    [ImportSizeLimit]
    public async Task<IActionResult> Upload()
    {
        var form = await Request.ReadFormAsync(HttpContext.RequestAborted);
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            return ImportForm("BackOffice.Import.NoFile", status: StatusCodes.Status400BadRequest);
        }

        if (file.Length > options.Value.MaxImportBytes)
        {
            return ImportForm("BackOffice.Import.TooLarge", new ImportFormView(options.Value.MaxImportBytes).MaxMegabytes, StatusCodes.Status413PayloadTooLarge);
        }

        await using var content = file.OpenReadStream();
        if (await SniffAsync(content, HttpContext.RequestAborted) is not { } format)
        {
            return ImportForm("BackOffice.Import.WrongType", status: StatusCodes.Status415UnsupportedMediaType);
        }

        content.Position = 0;
        var id = await uploads.SaveAsync(content, format, HttpContext.RequestAborted);
        var name = new string([.. Path.GetFileName(file.FileName.Replace('\\', '/')).Where(c => !char.IsControl(c))]);
        var record = new ImportRecord(id, name.Length > 200 ? name[..200] : name, format, Me.UserName, clock.GetUtcNow().UtcDateTime, ImportSummary.Of(new RegistryImportReport()));
        record = await RunAsync(record, dryRun: true);
        await BackOffice.RecordAsync("RegistryDryRun", $"{record.FileName}: {record.Report.Rows} rows, {record.Report.Errors.Count} bad rows{(record.Report.FileError is null ? "" : ", " + record.Report.FileError)}");
        return SeeOther($"{BackOfficeHost.Path}/registry/import/{id:N}");
    }

    [HttpGet("import/{id:guid}")]
    public IActionResult ImportReport(Guid id)
    {
        if (uploads.Read(id) is not { } record)
        {
            return NotFound();
        }

        ViewData["Title"] = text["BackOffice.Import.ReportTitle"];
        return View("~/Views/BackOffice/Registry/ImportReport.cshtml", new ImportReportView(record, CanCommit(record)));
    }

    /// <summary>Imports the file that the dry run checked: all or nothing, through the same importer.</summary>
    [HttpPost("import/{id:guid}")]
    public async Task<IActionResult> Commit(Guid id)
    {
        if (uploads.Read(id) is not { } record)
        {
            return NotFound();
        }

        if (!CanCommit(record))
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            ViewData["Title"] = text["BackOffice.Import.ReportTitle"];
            return View("~/Views/BackOffice/Registry/ImportReport.cshtml", new ImportReportView(record, false));
        }

        record = await RunAsync(record, dryRun: false);
        if (record.Report.Committed)
        {
            uploads.DeleteData(record);
            record = record with { CommittedBy = Me.UserName, CommittedUtc = clock.GetUtcNow().UtcDateTime };
            uploads.Write(record);
            var report = record.Report;
            await BackOffice.RecordAsync("RegistryImported", $"{record.FileName}: awards {report.Awards.Created} created, {report.Awards.Updated} updated, {report.Awards.Unchanged} unchanged; products {report.Products.Created} created; enterprises {report.Enterprises.Created} created");
        }

        return SeeOther($"{BackOfficeHost.Path}/registry/import/{id:N}");
    }

    // ---- Awards ---------------------------------------------------------------------------------------

    [HttpGet("awards")]
    public IActionResult Awards(string? year, string? sector, string? top10, string? q, string? page)
    {
        var snapshot = registry.Current;
        var sectors = editor.Sectors(Me.UiCulture);
        var filter = new AwardsFilter(
            int.TryParse(year, out var y) && snapshot.Cycle(y) is not null ? y : null,
            sectors.Any(s => s.Code == sector) ? sector : null,
            top10 == "true",
            q?.Trim() is { Length: > 0 } typed ? (typed.Length > 200 ? typed[..200] : typed) : null,
            int.TryParse(page, out var p) ? p : 1);
        var folded = filter.Q is null ? null : ProductCatalogue.Fold(filter.Q);
        var found = snapshot.Awards
            .Where(a => filter.Year is null || a.Year == filter.Year)
            .Where(a => filter.Sector is null || a.SectorCode == filter.Sector)
            .Where(a => !filter.Top10 || a.Top10)
            .Where(a => folded is null || ProductCatalogue.Fold($"{a.CertificateNumber} {a.Record.ProductNameVi} {a.Record.ProductNameEn} {a.Record.EnterpriseNameVi} {a.Record.EnterpriseNameEn} {a.Record.EnterpriseTaxCode}").Contains(folded, StringComparison.Ordinal))
            .ToList();
        var pages = Math.Max(1, (found.Count + PageSize - 1) / PageSize);
        var current = Math.Clamp(filter.Page, 1, pages);
        var names = sectors.ToDictionary(s => s.Code, s => s.Name);
        var rows = found.Skip((current - 1) * PageSize).Take(PageSize)
            .Select(a => new AwardListRow(a.Record.Id, a.Year, a.CertificateNumber, a.ProductName(Me.UiCulture), a.EnterpriseName(Me.UiCulture), names.GetValueOrDefault(a.SectorCode) ?? a.SectorCode, a.Top10, a.FirstTime, a.ValidUntil))
            .ToList();
        var pager = Pager.For(current, pages, n => BackOfficeUrl.With(
            BackOfficeHost.Path + "/registry/awards",
            ("year", filter.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("sector", filter.Sector),
            ("top10", filter.Top10 ? "true" : null),
            ("q", filter.Q),
            ("page", n == 1 ? null : n.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        ViewData["Title"] = text["BackOffice.Awards.Title"];
        return View("~/Views/BackOffice/Registry/Awards.cshtml", new AwardsView(filter with { Page = current }, rows, found.Count, pager, [.. snapshot.Cycles.Select(c => c.Year)], sectors));
    }

    [HttpGet("awards/{id:int}")]
    public async Task<IActionResult> Award(int id, string? saved)
    {
        if (await editor.FindAwardAsync(id, HttpContext.RequestAborted) is not { } award)
        {
            return NotFound();
        }

        return AwardForm(award, Operations.AwardForm.From(award), new Dictionary<string, RegistryEditError>(), saved == "1", conflict: false);
    }

    [HttpPost("awards/{id:int}")]
    public async Task<IActionResult> SaveAward(int id, AwardForm form)
    {
        var result = await editor.UpdateAwardAsync(id, form.ToChanges(), Me.UserName, HttpContext.RequestAborted);
        if (result.Status == RegistryEditStatus.NotFound || await editor.FindAwardAsync(id, HttpContext.RequestAborted) is not { } award)
        {
            return NotFound();
        }

        switch (result.Status)
        {
            case RegistryEditStatus.Saved:
                await BackOffice.RecordAsync("AwardEdited", result.Summary);
                return SeeOther($"{BackOfficeHost.Path}/registry/awards/{id}?saved=1");
            case RegistryEditStatus.Conflict:
                // Someone saved this award meanwhile: show theirs, keep nothing of ours silently.
                Response.StatusCode = StatusCodes.Status409Conflict;
                return AwardForm(award, Operations.AwardForm.From(award), new Dictionary<string, RegistryEditError>(), saved: false, conflict: true);
            default:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return AwardForm(award, form, result.Errors, saved: false, conflict: false);
        }
    }

    // ---- Cycles ---------------------------------------------------------------------------------------

    [HttpGet("cycles/new")]
    public IActionResult NewCycle()
    {
        var years = editor.OpenYears();
        return CycleForm(null, new CycleForm { Year = years.Count > 0 ? years[0] : 0, Status = nameof(CycleStatus.Planning) }, new Dictionary<string, RegistryEditError>(), false, false, 0);
    }

    [HttpPost("cycles/new")]
    public async Task<IActionResult> CreateCycle(CycleForm form)
    {
        var result = await editor.SaveCycleAsync(form.Year, form.ToChanges(), create: true, Me.UserName, HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            await BackOffice.RecordAsync("CycleEdited", result.Summary);
            return SeeOther($"{BackOfficeHost.Path}/registry/cycles/{form.Year}?saved=1");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return CycleForm(null, form, result.Errors, false, false, 0);
    }

    [HttpGet("cycles/{year:int}")]
    public async Task<IActionResult> Cycle(int year, string? saved, string? followed)
    {
        if (await editor.FindCycleAsync(year, HttpContext.RequestAborted) is not { } cycle)
        {
            return NotFound();
        }

        return CycleForm(year, Operations.CycleForm.From(cycle), new Dictionary<string, RegistryEditError>(), saved == "1", false, int.TryParse(followed, out var n) ? n : 0);
    }

    [HttpPost("cycles/{year:int}")]
    public async Task<IActionResult> SaveCycle(int year, CycleForm form)
    {
        form.Year = year;
        var result = await editor.SaveCycleAsync(year, form.ToChanges(), create: false, Me.UserName, HttpContext.RequestAborted);
        switch (result.Status)
        {
            case RegistryEditStatus.NotFound:
                return NotFound();
            case RegistryEditStatus.Saved:
                await BackOffice.RecordAsync("CycleEdited", result.Summary + (result.AwardsFollowed > 0 ? $"; validity of {result.AwardsFollowed} awards follows the new decision date" : ""));
                return SeeOther(BackOfficeUrl.With($"{BackOfficeHost.Path}/registry/cycles/{year}", ("saved", "1"), ("followed", result.AwardsFollowed > 0 ? result.AwardsFollowed.ToString(System.Globalization.CultureInfo.InvariantCulture) : null)));
            case RegistryEditStatus.Conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                var current = (await editor.FindCycleAsync(year, HttpContext.RequestAborted))!;
                return CycleForm(year, Operations.CycleForm.From(current), new Dictionary<string, RegistryEditError>(), false, true, 0);
            default:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return CycleForm(year, form, result.Errors, false, false, 0);
        }
    }

    // ---- QR codes -------------------------------------------------------------------------------------

    /// <summary>A year's certificates with their QR codes, laid out to print (the newest year with awards unless one is chosen).</summary>
    [HttpGet("qr")]
    public IActionResult Qr(string? year)
    {
        var snapshot = registry.Current;
        var years = snapshot.Cycles.Where(c => snapshot.ForYear(c.Year).Any()).Select(c => c.Year).ToList();
        int? chosen = int.TryParse(year, out var y) && years.Contains(y) ? y : years.Count > 0 ? years[0] : null;
        var cards = chosen is { } shown
            ? snapshot.ForYear(shown)
                .OrderByDescending(a => a.Top10).ThenBy(a => a.CertificateNumber, StringComparer.Ordinal)
                .Select(a => new QrCard(a.CertificateNumber, a.ProductName(Me.UiCulture), a.EnterpriseName(Me.UiCulture), a.Top10, a.ValidUntil, QrEndpoints.Url(a.CertificateNumber), Endpoints.RegistryEndpoints.ShortLink(a.CertificateNumber)))
                .ToList()
            : [];
        ViewData["Title"] = text["BackOffice.Qr.Title"];
        return View("~/Views/BackOffice/Registry/Qr.cshtml", new QrSheetView(chosen, years, chosen is { } c ? snapshot.Cycle(c) : null, cards));
    }

    // ---- Helpers --------------------------------------------------------------------------------------

    private ViewResult ImportForm(string? error, object? argument = null, int status = StatusCodes.Status200OK)
    {
        Response.StatusCode = status;
        ViewData["Title"] = text["BackOffice.Import.Title"];
        return View("~/Views/BackOffice/Registry/Import.cshtml", new ImportFormView(options.Value.MaxImportBytes, error, argument));
    }

    private ViewResult AwardForm(EditableAward award, AwardForm form, IReadOnlyDictionary<string, RegistryEditError> errors, bool saved, bool conflict)
    {
        ViewData["Title"] = text.Format("BackOffice.Award.Title", award.CertificateNumber);
        return View("~/Views/BackOffice/Registry/Award.cshtml", new AwardEditView(award, form, errors, editor.Sectors(Me.UiCulture), saved, conflict));
    }

    private ViewResult CycleForm(int? year, CycleForm form, IReadOnlyDictionary<string, RegistryEditError> errors, bool saved, bool conflict, int followed)
    {
        ViewData["Title"] = year is { } y ? text.Format("BackOffice.Cycle.Title", y) : text["BackOffice.Cycle.New"];
        return View("~/Views/BackOffice/Registry/Cycle.cshtml", new CycleEditView(year, form, errors, editor.OpenYears(), saved, conflict, followed));
    }

    private bool CanCommit(ImportRecord record) =>
        record.Report.DryRun && record.Report.Succeeded && record.CommittedUtc is null && uploads.HasData(record);

    private async Task<ImportRecord> RunAsync(ImportRecord record, bool dryRun)
    {
        await using var data = uploads.OpenData(record);
        if (data is null)
        {
            return record;
        }

        var report = await importer.ImportAsync(data, "decision-list." + record.Format, dryRun, Me.UserName, HttpContext.RequestAborted);
        record = record with { Report = ImportSummary.Of(report) };
        uploads.Write(record);
        return record;
    }

    /// <summary>
    /// XLSX is a zip (it starts PK\x03\x04); CSV is text: no NUL in its first few kilobytes, unless a UTF-16 byte-order
    /// mark says it is UTF-16 text (the importer then says which encoding it wants). Anything else is neither.
    /// </summary>
    private static async Task<string?> SniffAsync(Stream content, CancellationToken ct)
    {
        var head = new byte[4096];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
        {
            return "xlsx";
        }

        var utf16 = read >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));
        return read > 0 && (utf16 || Array.IndexOf(head, (byte)0, 0, read) < 0) ? "csv" : null;
    }

    private StatusCodeResult SeeOther(string url)
    {
        Response.Headers.Location = url;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
