using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Spcncl.Persistence;
using Spcncl.Persistence.Entities;

namespace Spcncl.BackOffice;

public static class BackOfficeServiceCollectionExtensions
{
    /// <summary>
    /// The back office's people and rules: Identity in the site's database (password policy, lockout after 5 failures
    /// for 15 minutes, authenticator-app two-factor, its messages in the person's language), roles and permissions, scheduled publishing, and the inboxes of what visitors sent. The web host
    /// adds the sign-in cookie.
    /// </summary>
    public static IServiceCollection AddBackOffice(this IServiceCollection services)
    {
        services.AddIdentityCore<BackOfficeUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 5;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddEntityFrameworkStores<SiteDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Identity's stores need a scoped SiteDbContext of the configured provider.
        services.AddScoped<SiteDbContext>(sp => sp.GetRequiredService<SiteDbContextFactory>().CreateDbContext());
        services.AddSingleton<BackOfficePermissions>();
        services.AddScoped<BackOfficeUsers>();
        services.AddSingleton<Inbox>();
        services.AddSingleton<ScheduledPublishing>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublishing>());
        return services;
    }
}
