using Microsoft.AspNetCore.Mvc;
using Spcncl.BackOffice;
using Spcncl.Localization;
using Spcncl.Site.BackOffice.Operations;

namespace Spcncl.Site.BackOffice;

/// <summary>The settings and operations menu: the pages this person may open, each decided by <see cref="BackOfficePermissions"/>.</summary>
[Route(BackOfficeHost.Path + "/settings")]
public sealed class SettingsController(BackOfficeContext context, SiteText text) : BackOfficeControllerBase(context)
{
    /// <summary>Each settings page: its area, address and dictionary keys.</summary>
    public static readonly IReadOnlyList<(BackOfficeArea Area, string Url, string Name)> Pages =
    [
        (BackOfficeArea.Redirects, BackOfficeHost.Path + "/settings/redirects", "Redirects"),
        (BackOfficeArea.Dictionary, BackOfficeHost.Path + "/settings/dictionary", "Dictionary"),
        (BackOfficeArea.Users, BackOfficeHost.Path + "/settings/users", "Users"),
        (BackOfficeArea.AuditLog, BackOfficeHost.Path + "/settings/audit", "Audit"),
        (BackOfficeArea.Search, BackOfficeHost.Path + "/settings/search", "Search"),
        (BackOfficeArea.Health, BackOfficeHost.Path + "/settings/health", "Health"),
    ];

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var links = Pages.Where(p => BackOfficePermissions.Can(Me, p.Area))
            .Select(p => new SettingsLink(p.Url, $"BackOffice.{p.Name}.Title", $"BackOffice.{p.Name}.Intro"))
            .ToList();
        if (links.Count == 0)
        {
            return await RefuseAsync("open the settings");
        }

        ViewData["Title"] = text["BackOffice.Nav.Settings"];
        return View("~/Views/BackOffice/Settings/Index.cshtml", new SettingsHomeView(links));
    }
}
