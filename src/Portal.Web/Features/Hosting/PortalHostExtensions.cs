using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.WebEncoders;
using Portal.Data;
using Portal.Data.Users;
using Portal.Infrastructure;
using Portal.Infrastructure.Access;
using Portal.Infrastructure.Startup;
using Portal.Web.Features.Backoffice;
using Portal.Web.Features.CommandLine;
using Portal.Web.Features.Compression;
using Portal.Web.Features.Delivery;
using Portal.Web.Features.Feeds;
using Portal.Web.Features.Forum;
using Portal.Web.Features.Health;
using Portal.Web.Features.Management;
using Portal.Web.Features.Media;
using Portal.Web.Features.SignIn;
using Portal.Web.Features.OutputCaching;
using Portal.Web.Features.Search;
using Portal.Web.Features.Site;
using Portal.Web.Features.Theme;
using Portal.Web.Features.Users;

namespace Portal.Web.Features.Hosting;

public static class PortalHostExtensions
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        var paths = PortalPaths.Resolve(options, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(paths);
        builder.Services.AddSingleton(new ContentStartupOptions { UsyncFolder = paths.UsyncFolder, SeedDemoContent = options.SeedDemoContent });

        builder.Services.AddPortalDatabase(builder.Configuration, options, paths);
        builder.Services.AddPortalContentEngine(builder.Configuration);

        // Only the host knows the data directory; mail without SMTP (and SMTP's unsent messages) is kept under it.
        builder.Services.PostConfigure<Portal.Infrastructure.Mail.MailSettings>(m =>
            m.PickupDirectory = Portal.Infrastructure.Mail.MailSettings.ResolvePickupDirectory(m.PickupDirectory, paths.DataDirectory));
        builder.Services.PostConfigure<Portal.Infrastructure.Search.SearchOptions>(o =>
            o.Directory = Portal.Infrastructure.Search.SearchOptions.ResolveDirectory(o.Directory, paths.DataDirectory));
        builder.Services.AddPortalUsers();

        builder.Services.AddPortalDataProtection(builder.Configuration, paths);

        // Must start before the outbox poller and the scheduler: they need the schema and route tree it loads.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, PortalStartupService>());

        // Razor would otherwise write every Vietnamese letter as a numeric entity (Thủ → Th&#x1EE7;).
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddControllersWithViews()
            .AddRazorOptions(o => o.ViewLocationFormats.Add("/Features/{1}/Views/{0}.cshtml"));
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<HealthReporter>();
        builder.Services.AddSingleton<SitePageBuilder>();
        builder.Services.AddSingleton<ColumnCuration>();
        builder.Services.AddSingleton<ITimedPages>(sp => sp.GetRequiredService<ColumnCuration>());
        builder.Services.AddFeeds();
        builder.Services.AddSingleton<SiteListings>();
        builder.Services.AddTheme(builder.Environment.ContentRootPath);
        builder.Services.AddPortalCompression();
        builder.Services.AddPortalOutputCache(builder.Configuration);
        builder.Services.AddDelivery();
        builder.Services.AddPortalProxy(builder.Configuration);
        builder.Services.AddBackofficeSignIn(builder.Configuration);
        builder.Services.AddManagementApi(builder.Configuration);
        builder.Services.AddMediaLibrary(builder.Configuration, paths);
        builder.Services.AddBackoffice();
        builder.Services.AddForumSite(builder.Configuration);
        builder.Services.AddSiteSearch();
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseResponseCompression();
        app.UseStatusCodePagesWithReExecute("/loi/{0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/loi/500");
        }

        // Static theme files first, then routing: otherwise the site's catch-all route claims /theme/… before they are served.
        app.UseTheme();
        app.UseMediaFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePortalOutputCache();
        app.MapHealth();
        app.MapFeeds();
        app.MapDelivery();
        app.MapBackofficeSignIn();
        app.MapManagementApi();
        app.MapSiteSearch();
        app.MapControllers();
        return app;
    }

    /// <summary>Runs a command-line verb when one is given, otherwise the web host.</summary>
    public static async Task<int> RunPortalAsync(this WebApplication app, string[] args)
    {
        if (CommandLineVerbs.IsVerb(args))
        {
            return await CommandLineVerbs.RunAsync(app.Services, args);
        }

        await app.RunAsync();
        return 0;
    }
}

/// <summary>Database, schema, seed, caches and the first administrator, before the server accepts a request.</summary>
internal sealed partial class PortalStartupService(IServiceProvider services, ContentStartup content, ContentStartupOptions options,
    ILogger<PortalStartupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await DatabaseRegistration.MigrateAsync(services, cancellationToken);
        var migrated = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        await content.RunAsync(options, cancellationToken);
        var contentReady = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        await services.GetRequiredService<UserGroupCatalog>().EnsureAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().EnsureAsync(cancellationToken);
        var total = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        LogReady(logger, migrated.TotalMilliseconds, (contentReady - migrated).TotalMilliseconds, total.TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal ready: database {MigrateMs:0} ms, content {ContentMs:0} ms, total {TotalMs:0} ms")]
    private static partial void LogReady(ILogger logger, double migrateMs, double contentMs, double totalMs);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static class UsersRegistration
{
    public static IServiceCollection AddPortalUsers(this IServiceCollection services)
    {
        services.AddIdentityCore<BackofficeUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<PortalDbContext>();
        services.AddScoped<AdminBootstrap>();
        return services;
    }
}
