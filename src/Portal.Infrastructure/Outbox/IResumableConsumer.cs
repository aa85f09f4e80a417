using Portal.Core.Events;

namespace Portal.Infrastructure.Outbox;

/// <summary>
/// A node consumer whose state outlives the process (a search index on disk). It resumes after the row its saved state
/// had applied rather than where this node's in-memory state begins, so events committed while the node was down reach it.
/// </summary>
public interface IResumableConsumer : IContentEventConsumer
{
    /// <summary>The last outbox row the saved state includes; null to start with the other node consumers.</summary>
    long? ResumeAfter { get; }

    /// <summary>Every row up to <paramref name="messageId"/> has been handed over (what the state may now save as applied).</summary>
    void Reached(long messageId);
}
