using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Spcncl.Content;
using Spcncl.Hosting;
using Spcncl.Localization;
using Spcncl.Media;
using Spcncl.Persistence;
using Spcncl.Published;
using Spcncl.Registry;
using Spcncl.Publicity;
using Spcncl.Search;
using Spcncl.Security;
using Spcncl.Site.BackOffice;
using Spcncl.Site.Endpoints;
using Spcncl.Site.Rendering;
using Spcncl.Site.Routing;
using Spcncl.Sync;

namespace Spcncl.Site;

/// <summary>How the host is put together: the services of each capability, the middleware pipeline and the endpoints.</summary>
public static class SiteHost
{
    /// <summary>The rate limit on public forms (enquiries, comments): per visitor address, <c>Site:PublicForms</c>.</summary>
    public const string PublicFormsPolicy = "public-forms";

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // `dotnet run --project src/Site` starts in src/Site; the site root (uSync/, wwwroot/, appsettings*.json) is above it.
        var root = Environment.GetEnvironmentVariable("SPCNCL_ROOT")
            ?? SitePaths.LocateRoot(Directory.GetCurrentDirectory())
            ?? SitePaths.LocateRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Cannot find the site root (a folder holding uSync/ and wwwroot/). Set SPCNCL_ROOT.");

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = root,
            WebRootPath = Path.Combine(root, "wwwroot"),
        });

        var services = builder.Services;
        services.AddSitePaths(builder.Configuration, root)
            .AddCultures(builder.Configuration)
            .AddPersistence()
            .AddContent()
            .AddPublished()
            .AddMedia(builder.Configuration)
            .AddRegistry(builder.Configuration)
            .AddSearch()
            .AddPublicity()
            .AddSync()
            .AddStartupMemoryRelease();

        services.Configure<SiteOptions>(builder.Configuration.GetSection("Site"));
        services.AddBackOfficeHost(builder.Environment);

        // Vietnamese text is written as characters, not entities: pages stay readable and a third smaller.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // Antiforgery and cookie keys live with the site's data, so they survive restarts.
        services.AddDataProtection().SetApplicationName("spcncl");
        services.AddOptions<KeyManagementOptions>().Configure<SitePaths, ILoggerFactory>((options, paths, logging) =>
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(paths.Data, "keys")), logging));
        services.AddSingleton<PageLayoutBuilder>();
        services.AddSingleton<SiteUrls>();
        services.AddSingleton<Spcncl.Site.TagHelpers.ResponsiveImages>();
        services.AddSingleton<SiteRequestCultureProvider>();
        services.AddControllersWithViews(options => options.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute()));
        services.Configure<RouteOptions>(options => options.ConstraintMap["siteCulture"] = typeof(SiteCultureRouteConstraint));
        services.AddResponseCompression(options => options.EnableForHttps = true);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PublicFormsPolicy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SiteOptions>>().Value.PublicForms;
                return System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = settings.PermitLimit, Window = TimeSpan.FromSeconds(settings.WindowSeconds), QueueLimit = 0 });
            });
            options.OnRejected = async (context, ct) =>
            {
                var text = context.HttpContext.RequestServices.GetRequiredService<SiteText>();
                context.HttpContext.Response.Headers.RetryAfter = "600";
                await context.HttpContext.Response.WriteAsync(text["Form.TooMany"], ct);
            };
        });
        services.AddSingleton<Spcncl.Site.Pages.PageHandlers>();
        services.AddSingleton<Spcncl.Site.Pages.CatalogueLinks>();
        services.AddSingleton<Spcncl.Site.Pages.PublicityLinks>();
        services.AddSingleton<Spcncl.Site.Pages.NewsItemPartsBuilder>();
        foreach (var handler in typeof(SiteHost).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(Spcncl.Site.Pages.IPageHandler).IsAssignableFrom(t)))
        {
            // One instance per handler, reachable as itself too (the home page asks the news list for its feeds).
            services.AddSingleton(handler);
            services.AddSingleton(typeof(Spcncl.Site.Pages.IPageHandler), sp => sp.GetRequiredService(handler));
        }

        return builder;
    }

    public static Task InitializeSiteAsync(this WebApplication app)
    {
        // Settings the pages need are checked now, with one clear message, not at the first visitor's request.
        _ = app.Services.GetRequiredService<SiteUrls>();
        foreach (var proxy in app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SiteOptions>>().Value.TrustedProxies)
        {
            if (!System.Net.IPAddress.TryParse(proxy, out _))
            {
                throw new SiteConfigurationException($"Site:TrustedProxies: '{proxy}' is not an IP address.");
            }
        }

        return app.Services.GetRequiredService<SiteInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
    }

    public static WebApplication UseSitePipeline(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SiteOptions>>().Value.TrustedProxies;
        if (proxies.Length > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            app.UseForwardedHeaders(forwarded);
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseServerTiming();
        app.UseSecurityHeaders();
        app.UseUrlNormalization();
        app.UseResponseCompression();
        var cultures = app.Services.GetRequiredService<SiteCultures>();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(cultures.Default.Info),
            SupportedCultures = [.. cultures.All.Select(c => c.Info)],
            SupportedUICultures = [.. cultures.All.Select(c => c.Info)],
            RequestCultureProviders = [app.Services.GetRequiredService<SiteRequestCultureProvider>()],
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        // Files in wwwroot that the build did not fingerprint (a search engine's verification file dropped in by
        // operations) are still served, after the fingerprinted assets' endpoints have had their turn.
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRedirectsForFiles();
        return app;
    }

    public static WebApplication MapSiteEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapMediaEndpoints();
        app.MapRegistryEndpoints();
        app.MapSearchEndpoints();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).DisableHttpMetrics();
        app.MapGet("/health/live", () => Results.Text("Healthy", "text/plain")).WithName("Liveness").WithSummary("The process answers; no checks are run.");
        app.MapControllers().WithStaticAssets();
        app.MapFallbackToController("NotFoundAnywhere", "Page");
        return app;
    }
}
