using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Spcncl.BackOffice;

namespace Spcncl.Site.BackOffice;

/// <summary>
/// How the web host serves the back office: Identity's sign-in cookies (only sent to <c>/backoffice</c>, HttpOnly,
/// SameSite=Strict, Secure outside Development), the policy every back-office action requires, and a rate limit on
/// sign-in attempts per address on top of Identity's per-account lockout.
/// </summary>
public static class BackOfficeHost
{
    public const string Path = "/backoffice";
    public const string Policy = "back-office";
    public const string SignInLimit = "back-office-sign-in";

    public static IServiceCollection AddBackOfficeHost(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddBackOffice();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        var secure = environment.IsDevelopment() || environment.IsEnvironment("Testing") ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "spcncl.bo";
            options.Cookie.Path = Path;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secure;
            options.LoginPath = Path + "/sign-in";
            options.LogoutPath = Path + "/sign-out";
            options.AccessDeniedPath = Path + "/denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.ReturnUrlParameter = "returnUrl";
        });
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme })
        {
            services.Configure<CookieAuthenticationOptions>(scheme, options =>
            {
                options.Cookie.Path = Path;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = secure;
            });
        }

        // A changed role, start node or password ends other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.RequireAuthenticatedUser().RequireRole(BackOfficeRoles.All));
        services.AddRateLimiter(options => options.AddPolicy(SignInLimit, context =>
            System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SiteOptions>>().Value.SignInPermitLimit,
                    Window = TimeSpan.FromMinutes(10),
                    QueueLimit = 0,
                })));
        services.AddScoped<BackOfficeContext>();
        services.AddScoped<Editing.EditorBuilder>();
        services.AddSingleton<Operations.DecisionListUploads>();
        services.AddSingleton<Operations.HealthProbe>();
        services.AddSingleton<StreamedUpload>();
        return services;
    }

    /// <summary>The demo accounts of README, made at start-up in Development only.</summary>
    public static async Task SeedDemoAccountsAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BackOfficeUsers>().EnsureDemoAccountsAsync();
    }
}
