using Microsoft.AspNetCore.Mvc;
using Spcncl.BackOffice;
using Spcncl.Localization;
using Spcncl.Site.BackOffice.Operations;

namespace Spcncl.Site.BackOffice;

/// <summary>The health checks for an administrator, in words: configuration, database, SMTP, index, security headers, HTTPS.</summary>
[Route(BackOfficeHost.Path + "/settings/health")]
public sealed class HealthController(BackOfficeContext context, HealthProbe probe, SiteText text) : BackOfficeControllerBase(context)
{
    protected override BackOfficeArea? Area => BackOfficeArea.Health;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        ViewData["Title"] = text["BackOffice.Health.Title"];
        return View("~/Views/BackOffice/Settings/Health.cshtml", await probe.RunAsync(HttpContext, HttpContext.RequestAborted));
    }
}
