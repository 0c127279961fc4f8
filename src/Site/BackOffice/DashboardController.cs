using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Spcncl.BackOffice;
using Spcncl.Content.Documents;
using Spcncl.Content.DocumentTypes;
using Spcncl.Localization;
using Spcncl.Persistence;
using Spcncl.Site.BackOffice.Editing;

namespace Spcncl.Site.BackOffice;

/// <summary>
/// The start screen (what waits for this person: drafts, translations, inboxes, what they did last) and the
/// translation dashboard (what is missing or outdated in English, by section, with links into the editor).
/// </summary>
[Route(BackOfficeHost.Path)]
public sealed class DashboardController(
    BackOfficeContext context,
    IContentService content,
    DocumentTypeRegistry types,
    BackOfficePermissions permissions,
    SiteCultures cultures,
    SiteDbContextFactory dbFactory) : BackOfficeControllerBase(context)
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var tree = await ContentTree.LoadAsync(content, HttpContext.RequestAborted);
        var (missing, outdated) = Translations(tree, cultures.All.First(c => !c.IsDefault).Code);
        await using var db = dbFactory.CreateDbContext();
        var view = new DashboardView(
            tree.All.Count(d => d.Cultures.Values.Any(v => !v.IsPublished || v.Edited) && permissions.Can(Me, ContentAction.Browse, tree.Place(d.Id))),
            missing.Count,
            outdated.Count,
            await db.ScheduledActions.CountAsync(s => s.DoneUtc == null),
            BackOfficePermissions.Can(Me, BackOfficeArea.Enquiries) ? await db.Enquiries.CountAsync(e => !e.Handled) : 0,
            BackOfficePermissions.Can(Me, BackOfficeArea.Comments) ? await db.Comments.CountAsync(c => !c.Handled) : 0,
            BackOfficePermissions.Can(Me, BackOfficeArea.Comments) ? await db.EventRegistrations.CountAsync(r => !r.Handled) : 0,
            await db.AuditEntries.AsNoTracking().Where(a => a.UserName == Me.UserName).OrderByDescending(a => a.Id).Take(10).ToListAsync());
        ViewData["Title"] = null;
        return View("~/Views/BackOffice/Dashboard.cshtml", view);
    }

    [HttpGet("translations")]
    public async Task<IActionResult> Translations(string? culture)
    {
        if (!BackOfficePermissions.Can(Me, BackOfficeArea.Translations))
        {
            return await RefuseAsync("open the translation dashboard");
        }

        var target = cultures.TryGet(culture, out var chosen) && !chosen.IsDefault ? chosen.Code : cultures.All.First(c => !c.IsDefault).Code;
        var tree = await ContentTree.LoadAsync(content, HttpContext.RequestAborted);
        var (missing, outdated) = Translations(tree, target);
        var sections = missing.Concat(outdated).Select(r => r.Section).Distinct()
            .Select(s => (s, missing.Count(r => r.Section == s), outdated.Count(r => r.Section == s)))
            .OrderByDescending(s => s.Item2 + s.Item3)
            .ToList();
        ViewData["Title"] = null;
        return View("~/Views/BackOffice/Translations.cshtml", new TranslationsView(target, missing, outdated, sections));
    }

    /// <summary>
    /// Documents of culture-varying types that have no <paramref name="target"/> version, and those whose default-culture
    /// version was saved after the <paramref name="target"/> one (the translation may be out of date).
    /// </summary>
    private (List<TranslationRow> Missing, List<TranslationRow> Outdated) Translations(ContentTree tree, string target)
    {
        var source = cultures.Default.Code;
        var missing = new List<TranslationRow>();
        var outdated = new List<TranslationRow>();
        foreach (var document in tree.All)
        {
            if (!types.Current.TryGet(document.ContentType, out var type) || !type.VariesByCulture || !type.Routable
                || document.Cultures.GetValueOrDefault(source) is not { } original
                || !permissions.Can(Me, ContentAction.Browse, tree.Place(document.Id)))
            {
                continue;
            }

            var row = new TranslationRow(document.Id, original.Name, type.Name[Me.UiCulture], tree.Section(document.Id)?.NameIn(Me.UiCulture) ?? "", original.UpdatedUtc, document.Cultures.GetValueOrDefault(target)?.UpdatedUtc);
            if (document.Cultures.GetValueOrDefault(target) is not { } translation)
            {
                missing.Add(row);
            }
            else if (original.UpdatedUtc > translation.UpdatedUtc)
            {
                outdated.Add(row);
            }
        }

        return ([.. missing.OrderByDescending(r => r.SourceUpdatedUtc)], [.. outdated.OrderByDescending(r => r.SourceUpdatedUtc)]);
    }
}
