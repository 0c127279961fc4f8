using Microsoft.Extensions.DependencyInjection;
using Spcncl.Content.Documents;
using Spcncl.Content.DocumentTypes;
using Spcncl.Content.Notifications;
using Spcncl.Markdown;

namespace Spcncl.Content;

public static class ContentServiceCollectionExtensions
{
    /// <summary>Document types, the content service, notifications and the change instructions shared between instances.</summary>
    public static IServiceCollection AddContent(this IServiceCollection services)
    {
        services.AddSingleton<DocumentTypeRegistry>();
        services.AddSingleton<InstanceIdentity>();
        services.AddSingleton<NotificationPublisher>();
        services.AddSingleton<ContentChangeDispatcher>();
        services.AddSingleton<ContentService>();
        services.AddSingleton<IContentService>(sp => sp.GetRequiredService<ContentService>());
        services.AddSingleton<ContentChangePoller>();
        services.AddHostedService(sp => sp.GetRequiredService<ContentChangePoller>());
        services.AddSingleton<MarkdownRenderer>();
        return services;
    }
}
