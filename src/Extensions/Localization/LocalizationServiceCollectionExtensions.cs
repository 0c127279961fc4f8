using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Spcncl.Localization;

public static class LocalizationServiceCollectionExtensions
{
    /// <summary>The site's cultures (from <c>Site:Cultures</c>), per-culture formatting, and the dictionary of UI strings and its editing.</summary>
    public static IServiceCollection AddCultures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CultureOptions>().Bind(configuration.GetSection(CultureOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new SiteCultures(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<CultureOptions>>()));
        services.AddSingleton<CultureFormatter>();
        services.AddSingleton<DictionaryService>();
        services.AddSingleton<Hosting.ISiteLoader>(sp => sp.GetRequiredService<DictionaryService>());
        services.AddSingleton<Content.Notifications.INotificationHandler<Content.Notifications.ContentChangedNotification>>(sp => sp.GetRequiredService<DictionaryService>());
        services.AddSingleton<DictionaryEditor>();
        services.AddSingleton<SiteText>();
        return services;
    }
}
