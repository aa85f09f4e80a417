using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Workflow;
using Portal.Infrastructure.Leases;

namespace Portal.Infrastructure.Scheduling;

/// <summary><c>Portal:Scheduler</c>, and the promise the scheduler keeps.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Portal:Scheduler";

    /// <summary>A due publish or unpublish happens at most this late; <c>/healthz</c> reports every one that is later.</summary>
    public static readonly TimeSpan Promise = TimeSpan.FromSeconds(60);

    /// <summary>Half the promise: an item falling due just after a tick waits one interval, and the run itself must fit in the rest.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(30);

    public TimeSpan Interval { get; set; } = MaxInterval;

    public bool IsValid => Interval > TimeSpan.Zero && Interval <= MaxInterval;
}

/// <summary>
/// Publishes and unpublishes on schedule, on the one node that holds the <c>scheduler</c> lease (Umbraco's
/// SchedulingPublisher role). Optimistic concurrency would already make a double run harmless; the lease saves the
/// duplicated reads and the concurrency failures of every node racing for the same due editions.
/// </summary>
public sealed class ScheduledPublishingService(ContentPublishing publishing, NodeLeases leases, IOptions<SchedulerOptions> options,
    TimeProvider clock, ILogger<ScheduledPublishingService> logger) : LeasedPeriodicService(leases, clock, logger)
{
    public const string LeaseName = "scheduler";

    protected override string Lease => LeaseName;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => publishing.RunDueScheduleAsync(cancellationToken);
}
