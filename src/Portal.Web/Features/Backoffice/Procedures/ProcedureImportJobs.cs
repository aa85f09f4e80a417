using System.Collections.Concurrent;
using Portal.Core.Access;
using Portal.Infrastructure.Procedures.Import;

namespace Portal.Web.Features.Backoffice.Procedures;

/// <summary>One import started from the backoffice: who started it, how far it has come, and its report when done.</summary>
internal sealed class ProcedureImportJob(Guid id, Guid owner, string fileName, DateTime startedAt)
{
    private ProcedureImportProgress progress = new("Đang chờ", 0, 0);

    public Guid Id { get; } = id;
    public Guid Owner { get; } = owner;
    public string FileName { get; } = fileName;
    public DateTime StartedAt { get; } = startedAt;
    public ProcedureImportProgress Progress => Volatile.Read(ref progress);
    public ProcedureImportReport? Report { get; private set; }

    public void Advance(ProcedureImportProgress next) => Volatile.Write(ref progress, next);

    public void Finish(ProcedureImportReport report) => Report = report;
}

/// <summary>
/// Runs backoffice imports off the request so a 3,000-record file neither times out the browser nor ties up a request;
/// the page polls the job. Jobs live in memory for a day: the timeline and the published procedures are the lasting record.
/// </summary>
internal sealed partial class ProcedureImportJobs(ProcedureImportService imports, IHostApplicationLifetime lifetime, TimeProvider clock,
    ILogger<ProcedureImportJobs> logger)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<Guid, ProcedureImportJob> jobs = new();

    /// <summary>Starts importing a file already copied to <paramref name="path"/>; the file is deleted when the import ends.</summary>
    public ProcedureImportJob Start(string path, string fileName, Actor actor)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var old in jobs.Values.Where(j => now - j.StartedAt > KeepFor))
        {
            jobs.TryRemove(old.Id, out _);
        }

        var job = new ProcedureImportJob(Guid.NewGuid(), actor.UserKey ?? Guid.Empty, fileName, now);
        jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job, path, actor), CancellationToken.None);
        return job;
    }

    /// <summary>A job, only for the person who started it (an administrator may look at any).</summary>
    public ProcedureImportJob? Find(Guid id, Actor actor) =>
        jobs.TryGetValue(id, out var job) && (job.Owner == actor.UserKey || actor.IsAdministrator) ? job : null;

    public IReadOnlyList<ProcedureImportJob> StartedBy(Actor actor) =>
        jobs.Values.Where(j => j.Owner == actor.UserKey).OrderByDescending(j => j.StartedAt).Take(10).ToList();

    private async Task RunAsync(ProcedureImportJob job, string path, Actor actor)
    {
        try
        {
            await using var file = File.OpenRead(path);
            var progress = new Progress<ProcedureImportProgress>(job.Advance);
            job.Finish(await imports.ImportAsync(file, job.FileName, actor, progress, lifetime.ApplicationStopping));
        }
        catch (OperationCanceledException)
        {
            job.Finish(ProcedureImportReport.Failed(ProcedureImportStatus.Conflict, "Máy chủ dừng trong lúc nhập; chưa có thay đổi nào được ghi.", TimeSpan.Zero));
        }
        catch (Exception ex)
        {
            // The job must always end with a report the editor can read; the error itself goes to the server log.
            LogFailed(logger, ex, job.FileName);
            job.Finish(ProcedureImportReport.Failed(ProcedureImportStatus.Malformed,
                "Đã có lỗi khi nhập tệp; chưa có thay đổi nào được ghi. Quản trị hệ thống có thể xem chi tiết trong nhật ký máy chủ.", TimeSpan.Zero));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Procedure import of {FileName} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string fileName);
}
