using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Events;
using Portal.Data.Access;
using Portal.Infrastructure.Access;
using Portal.Core.Schema;
using Portal.Core.Workflow;
using Portal.Data.Content;
using Portal.Data.Outbox;
using Portal.Data.Schema;
using Portal.Infrastructure.Delivery;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.PublishedCache;
using Portal.Infrastructure.RichText;
using Portal.Infrastructure.Scheduling;
using Portal.Infrastructure.Schema;
using Portal.Infrastructure.Seeding;
using Portal.Infrastructure.Startup;
using Portal.Infrastructure.Usync;

namespace Portal.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>The content engine: schema, workflow verbs, outbox, published cache, uSync, seeding. Expects a PortalDbContext factory.</summary>
    public static IServiceCollection AddPortalContentEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<SchemaStore>();
        services.AddSingleton<SchemaCatalog>();
        services.AddSingleton<ISchemaCatalog>(sp => sp.GetRequiredService<SchemaCatalog>());

        services.AddSingleton<IRichTextSanitizer, HtmlRichTextSanitizer>();
        services.AddSingleton<EditionInput>();
        services.AddSingleton<IContentSessionFactory, ContentSessionFactory>();
        services.AddSingleton<ContentEditing>();
        services.AddSingleton<ContentPublishing>();
        services.AddSingleton<ContentImport>();
        services.AddSingleton<Procedures.Import.ProcedureImportService>();
        services.AddSingleton<ContentStructure>();
        services.AddSingleton<ContentApproval>();
        services.AddSingleton<UserGroupStore>();
        services.AddSingleton<UserGroupCatalog>();
        services.AddSingleton<IContentEventConsumer>(sp => sp.GetRequiredService<UserGroupCatalog>());

        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection("Portal:Outbox"));
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton(sp => new OutboxChannel(sp.GetRequiredService<OutboxDispatcher>(), configuration,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<OutboxChannel>>()));
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxChannel>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxChannel>());
        services.AddHostedService<OutboxPoller>();
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.Section))
            .Validate(o => o.IsValid, "Portal:Scheduler:Interval phải lớn hơn 0 và không quá 00:00:30 (lịch xuất bản không được trễ quá 60 giây).")
            .ValidateOnStart();
        services.AddHostedService<ScheduledPublishingService>();
        services.AddSingleton<Data.Scheduling.ScheduleQueries>();

        services.AddSingleton<PublishedContentQueries>();
        services.AddSingleton<PreviewContentQueries>();
        services.AddSingleton<PublishedRouteTree>();
        services.AddSingleton<IContentEventConsumer>(sp => sp.GetRequiredService<PublishedRouteTree>());
        services.AddSingleton<PublishedContentCache>();
        Procedures.ProcedureServiceCollectionExtensions.AddProcedureCatalog(services);
        services.AddOptions<DeliveryApiSettings>().Bind(configuration.GetSection(DeliveryApiSettings.Section));
        services.AddSingleton<DeliveryContentBuilder>();
        services.AddSingleton<ContentQueryExecutor>();
        services.AddSingleton<DeliveryPreview>();
        AddHybridCache(services, configuration);
        Webhooks.WebhookServiceCollectionExtensions.AddPortalWebhooks(services, configuration);
        Notifications.NotificationServiceCollectionExtensions.AddPortalNotifications(services, configuration);
        Forum.ForumRegistration.AddForum(services, configuration);
        Search.SearchRegistration.AddPortalSearch(services, configuration);
        Programme.ProgrammeRegistration.AddProgramme(services, configuration);

        services.AddSingleton<UsyncSchemaImporter>();
        services.AddSingleton<UsyncContentImporter>();
        services.AddSingleton<Startup.DemoContentSeeder>();
        services.AddSingleton<ContentBulkWriter>();
        services.AddSingleton<SyntheticContentSeeder>();
        services.AddSingleton<StartupCaches>();
        services.AddSingleton<ContentStartup>();
        return services;
    }

    private static void AddHybridCache(IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(redis))
        {
            // Registered before HybridCache, Redis becomes its second level, shared by every node.
            services.AddStackExchangeRedisCache(options =>
            {
                options.Configuration = redis;
                options.InstanceName = "portal:";
            });
        }

        services.AddHybridCache();
    }
}
