namespace Portal.Core.Forum;

public enum AnswerStatus
{
    Draft = 0,
    PendingApproval = 1,
    Published = 2,
    Returned = 3,
}

/// <summary>An agency's official answer: written by a user of the assigned unit, public only once that unit's approver approves it.</summary>
public sealed class Answer
{
    private Answer()
    {
        Body = string.Empty;
        WrittenBy = string.Empty;
    }

    internal Answer(Guid key, Guid unitKey, string unitName, string body, IReadOnlyList<string> citations,
        IReadOnlyList<Guid> attachmentKeys, string writtenBy, Guid? writtenByKey, DateTime at)
    {
        Key = key;
        Body = body;
        UnitKey = unitKey;
        UnitName = unitName;
        WrittenBy = writtenBy;
        WrittenByKey = writtenByKey;
        CreatedAt = at;
        Change(body, citations, attachmentKeys, at);
    }

    public long Id { get; private set; }
    public long QuestionId { get; private set; }
    public Guid Key { get; private set; }
    public Guid UnitKey { get; private set; }

    /// <summary>The unit's name when it answered; the badge on the thread keeps it even if the unit is renamed.</summary>
    public string UnitName { get; private set; } = string.Empty;

    public string Body { get; private set; }

    /// <summary>Legal citations, one per line ("Khoản 2 Điều 5 Nghị định 20/2008/NĐ-CP").</summary>
    public List<string> Citations { get; private set; } = [];

    /// <summary>Files from the media library attached to the answer.</summary>
    public List<Guid> AttachmentKeys { get; private set; } = [];

    public AnswerStatus Status { get; private set; }
    public string WrittenBy { get; private set; }
    public Guid? WrittenByKey { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTime? ApprovedAt { get; private set; }
    public string? ReturnReason { get; private set; }

    /// <summary>Hidden after too many reports, until a moderator decides.</summary>
    public bool Hidden { get; private set; }

    public bool IsEditable => Status is AnswerStatus.Draft or AnswerStatus.Returned;

    internal void Change(string body, IReadOnlyList<string> citations, IReadOnlyList<Guid> attachmentKeys, DateTime at)
    {
        Body = body;
        Citations = [.. citations];
        AttachmentKeys = [.. attachmentKeys.Distinct()];
        UpdatedAt = at;
    }

    internal void Submit(DateTime at)
    {
        Status = AnswerStatus.PendingApproval;
        ReturnReason = null;
        UpdatedAt = at;
    }

    internal void Return(string reason, DateTime at)
    {
        Status = AnswerStatus.Returned;
        ReturnReason = reason;
        UpdatedAt = at;
    }

    internal void Publish(string approvedBy, DateTime at)
    {
        Status = AnswerStatus.Published;
        ApprovedBy = approvedBy;
        ApprovedAt = at;
        UpdatedAt = at;
    }

    internal void SetHidden(bool hidden) => Hidden = hidden;
}

/// <summary>A reader's report of a question or answer; one per reader per post (the reader is a salted hash of the address).</summary>
public sealed class PostReport
{
    private PostReport()
    {
        Reporter = string.Empty;
    }

    internal PostReport(Guid? answerKey, string reporter, string? reason, DateTime at)
    {
        AnswerKey = answerKey;
        Reporter = reporter;
        Reason = reason;
        At = at;
    }

    public long Id { get; private set; }
    public long QuestionId { get; private set; }

    /// <summary>The reported answer; null when the question itself was reported.</summary>
    public Guid? AnswerKey { get; private set; }
    public string Reporter { get; private set; }
    public string? Reason { get; private set; }
    public DateTime At { get; private set; }

    /// <summary>Set when a moderator decided on the report; decided reports no longer count.</summary>
    public bool Decided { get; private set; }

    internal void Decide() => Decided = true;
}
