using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spcncl.Content.Notifications;

namespace Spcncl.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>The media library: storage, content checks on upload, the in-memory index, signed image variants.</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection(MediaOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<MediaOptions>, MediaOptionsSetup>();
        services.AddSingleton<IValidateOptions<MediaOptions>, MediaOptionsValidator>();
        services.AddSingleton<IMediaStorage, FileSystemMediaStorage>();
        services.AddSingleton<ImageCodec>();
        services.AddSingleton<ImageProcessingLimit>();
        services.AddSingleton<MediaLibrary>();
        services.AddSingleton<MediaIndex>();
        services.AddSingleton<INotificationHandler<ContentChangedNotification>>(sp => sp.GetRequiredService<MediaIndex>());
        services.AddSingleton<IContentCacheProbe>(sp => sp.GetRequiredService<MediaIndex>());
        services.AddSingleton<MediaSigningKey>();
        services.AddSingleton<MediaUrls>();
        services.AddSingleton<ImageVariants>();
        services.AddSingleton<MediaLoader>();
        services.AddSingleton<Hosting.ISiteLoader>(sp => sp.GetRequiredService<MediaLoader>());
        return services;
    }
}
