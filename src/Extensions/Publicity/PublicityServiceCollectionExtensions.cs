using Microsoft.Extensions.DependencyInjection;

namespace Spcncl.Publicity;

public static class PublicityServiceCollectionExtensions
{
    /// <summary>
    /// What the programme's publicity needs beyond its pages: comments on announcements, event registrations and
    /// calendars, and download counts of the documents and forms.
    /// </summary>
    public static IServiceCollection AddPublicity(this IServiceCollection services)
    {
        services.AddSingleton<CommentService>();
        services.AddSingleton<RegistrationService>();
        services.AddSingleton<DownloadCounter>();
        services.AddHostedService(sp => sp.GetRequiredService<DownloadCounter>());
        return services;
    }
}
