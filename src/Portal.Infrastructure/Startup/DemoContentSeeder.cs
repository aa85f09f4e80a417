using Microsoft.Extensions.Logging;
using Portal.Core.Access;
using Portal.Core.Workflow;
using Portal.Infrastructure.Forum;
using Portal.Infrastructure.Procedures.Import;
using Portal.Infrastructure.Usync;

namespace Portal.Infrastructure.Startup;

/// <summary>
/// The demonstration content of a first start: the uSync content (home, units, news…), then the demonstration procedures
/// in the national portal's JSON format, through the same import an editor uses, so the seed proves the import too;
/// the province's published index results; once the units are live, the demonstration forum questions.
/// </summary>
public sealed partial class DemoContentSeeder(UsyncContentImporter contentImporter, EditionInput input, ProcedureImportService procedures,
    ForumDemoSeeder forum, Programme.IndexResults.IndexResultDemoSeeder indexResults, ILogger<DemoContentSeeder> logger)
{
    /// <summary>Relative to the uSync folder: demonstration data, not an official procedure set (README says so).</summary>
    public const string ProcedureSeedFile = "Procedures/procedures.json";

    public async Task SeedAsync(string usyncFolder, CancellationToken cancellationToken)
    {
        var content = await contentImporter.ImportAsync(usyncFolder, input, cancellationToken);
        LogReport(logger, "seed content", content.Summary);
        foreach (var warning in content.Warnings)
        {
            LogWarning(logger, warning);
        }

        // The province's published index results, which /ket-qua-chi-so and the home page show.
        await indexResults.SeedAsync(cancellationToken);

        var file = Path.Combine(usyncFolder, ProcedureSeedFile);
        if (!File.Exists(file))
        {
            return;
        }

        await using var stream = File.OpenRead(file);
        var report = await procedures.ImportAsync(stream, Path.GetFileName(file), Actor.System("seed"), progress: null, cancellationToken);
        LogReport(logger, "seed procedures", report.Summary);
        foreach (var line in report.Lines.Where(l => l.Outcome == ImportOutcome.Rejected))
        {
            LogWarning(logger, $"procedure {line.Code} at {line.Position}: {line.Reason}");
        }
    }

    /// <summary>Questions are assigned to live unit pages, so this runs after the route tree has loaded the seeded content.</summary>
    public Task SeedForumAsync(CancellationToken cancellationToken) => forum.SeedAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Part} import: {Summary}")]
    private static partial void LogReport(ILogger logger, string part, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed: {Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);
}
