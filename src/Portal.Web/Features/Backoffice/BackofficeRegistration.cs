using Portal.Data.Media;
using Portal.Web.Features.Backoffice.Content;
using Portal.Web.Features.Backoffice.MediaLibrary;

namespace Portal.Web.Features.Backoffice;

/// <summary>The server-rendered backoffice at <c>/umbraco</c>: its page builders. Its controllers are found by MVC.</summary>
internal static class BackofficeRegistration
{
    public static IServiceCollection AddBackoffice(this IServiceCollection services) =>
        services.AddSingleton<ContentPageBuilder>()
            .AddSingleton<ContentEditorPages>()
            .AddSingleton<ContentAttachments>()
            .AddSingleton<MediaUsageQueries>()
            .AddSingleton<MediaPageBuilder>()
            .AddSingleton<Procedures.ProcedureImportJobs>()
            .AddScoped<Settings.WebhookAdministration>()
            .AddSingleton<Settings.ISearchIndexStatus, Settings.LuceneSearchIndexStatus>();
}
