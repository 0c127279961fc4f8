using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spcncl.Content.Notifications;
using Spcncl.Hosting;
using Spcncl.Registry.Enquiries;
using Spcncl.Registry.Import;

namespace Spcncl.Registry;

public static class RegistryServiceCollectionExtensions
{
    /// <summary>The award registry (in memory), its import and hand edits, the catalogue and directory queries, verification, open data and enquiries.</summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RegistryOptions>().Bind(configuration.GetSection(RegistryOptions.SectionName));
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.SectionName));
        services.AddSingleton<AwardRegistry>();
        services.AddSingleton<ISiteLoader>(sp => sp.GetRequiredService<AwardRegistry>());
        services.AddSingleton<INotificationHandler<ContentChangedNotification>>(sp => sp.GetRequiredService<AwardRegistry>());
        services.AddSingleton<IContentCacheProbe>(sp => sp.GetRequiredService<AwardRegistry>());
        services.AddSingleton<RegistryImporter>();
        services.AddSingleton<RegistryEditor>();
        services.AddSingleton<ProductCatalogue>();
        services.AddSingleton<EnterpriseDirectory>();
        services.AddSingleton<CertificateVerifier>();
        services.AddSingleton<OpenData>();
        services.AddSingleton<EnquiryService>();
        services.AddSingleton<EnquiryMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<EnquiryMailer>());
        return services;
    }
}
