using Portal.Core.Access;
using Portal.Core.Text;

namespace Portal.Core.Forum;

public enum DeadlineState
{
    /// <summary>Nothing is owed (not assigned, or answered).</summary>
    None = 0,
    OnTime = 1,
    Overdue = 2,
    VeryOverdue = 3,
}

/// <summary>
/// A citizen's question or feedback and everything that happened to it. Every verb checks who acts, checks the status,
/// changes the question and appends to its timeline — or changes nothing and says why.
/// </summary>
public sealed class Question
{
    private readonly List<Answer> answers = [];
    private readonly List<PostReport> reports = [];
    private readonly List<QuestionTimelineEntry> timeline = [];

    private Question()
    {
        TrackingCode = string.Empty;
        Title = string.Empty;
        Body = string.Empty;
        AskerName = string.Empty;
        SearchText = string.Empty;
    }

    public long Id { get; private set; }
    public Guid Key { get; private set; }
    public string TrackingCode { get; private set; }
    public int Year { get; private set; }
    public int Number { get; private set; }
    public QuestionKind Kind { get; private set; }

    /// <summary>What the public reads; the moderator may have masked personal data in it.</summary>
    public string Title { get; private set; }
    public string Body { get; private set; }

    /// <summary>The text as the asker sent it, for moderators only, kept until the contact details are erased.</summary>
    public string? OriginalText { get; private set; }

    public string? Topic { get; private set; }

    /// <summary>The unit the asker thinks is concerned (optional), and the procedure asked about (optional).</summary>
    public Guid? AboutUnitKey { get; private set; }
    public string? ProcedureCode { get; private set; }

    public string AskerName { get; private set; }

    /// <summary>E-mail address or phone number; never shown publicly, erased after the retention period.</summary>
    public string? Contact { get; private set; }
    public bool ContactIsEmail { get; private set; }
    public DateTime? ContactErasedAt { get; private set; }

    public QuestionStatus Status { get; private set; }
    public string? StatusReason { get; private set; }

    public DateTime SubmittedAt { get; private set; }
    public DateTime? ConfirmedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }

    public Guid? AssignedUnitKey { get; private set; }
    public string? AssignedUnitName { get; private set; }
    public DateTime? AssignedAt { get; private set; }

    /// <summary>The last day (Vietnam date) the assigned unit has to answer.</summary>
    public DateOnly? DueOn { get; private set; }

    /// <summary>The first approved answer since the current unit was assigned: what timeliness is measured by.</summary>
    public DateTime? AnsweredAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    /// <summary>An agency outside the portal the question went to.</summary>
    public string? TransferredTo { get; private set; }

    public bool Hidden { get; private set; }
    public int ReopenCount { get; private set; }

    /// <summary>The last deadline reminder sent: 1 before the due date, 2 when overdue.</summary>
    public int RemindersSent { get; private set; }

    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Title, body and public answers without diacritics, for the forum's search.</summary>
    public string SearchText { get; private set; }

    public IReadOnlyList<Answer> Answers => answers;
    public IReadOnlyList<PostReport> Reports => reports;
    public IReadOnlyList<QuestionTimelineEntry> Timeline => timeline;

    public bool IsPublic => Status.IsPublic() && !Hidden;
    public bool IsConfirmed => ConfirmedAt is not null;

    public IEnumerable<Answer> PublishedAnswers => answers.Where(a => a.Status == AnswerStatus.Published).OrderBy(a => a.ApprovedAt);

    /// <summary>A new question from the ask form. A phone contact cannot be confirmed by a link, so it goes to moderation at once.</summary>
    public static Question Ask(NewQuestion input, int year, int number, Actor asker, DateTime at)
    {
        var question = new Question
        {
            Key = Guid.NewGuid(),
            Year = year,
            Number = number,
            TrackingCode = Forum.TrackingCode.Format(year, number),
            Kind = input.Kind,
            Title = input.Title,
            Body = input.Body,
            Topic = input.Topic,
            AboutUnitKey = input.AboutUnitKey,
            ProcedureCode = input.ProcedureCode,
            AskerName = input.AskerName,
            Contact = input.Contact,
            ContactIsEmail = input.ContactIsEmail,
            Status = QuestionStatus.Submitted,
            SubmittedAt = at,
            ConfirmedAt = input.ContactIsEmail ? null : at,
        };
        question.Record(QuestionAction.Asked, asker, at, null);
        return question;
    }

    /// <summary>True when the typed contact is the one given with the question (e-mail without regard to case, phone by its digits).</summary>
    public bool ContactMatches(string? typed) =>
        Contact is not null && typed is not null && NewQuestion.NormalizeContact(typed) is { } normalized
        && string.Equals(normalized, Contact, StringComparison.OrdinalIgnoreCase);

    public ForumOperationStatus Confirm(Actor asker, DateTime at)
    {
        if (Status != QuestionStatus.Submitted)
        {
            return IsConfirmed ? ForumOperationStatus.Success : ForumOperationStatus.WrongStatus;
        }

        if (IsConfirmed)
        {
            return ForumOperationStatus.Success;
        }

        ConfirmedAt = at;
        Record(QuestionAction.Confirmed, asker, at, null);
        return ForumOperationStatus.Success;
    }

    /// <summary>The moderator publishes, with the text as reviewed (personal data masked); the original stays private.</summary>
    public ForumOperationStatus Publish(Actor moderator, string title, string body, DateTime at)
    {
        if (!ForumAccess.IsModerator(moderator))
        {
            return ForumOperationStatus.Forbidden;
        }

        if (Status != QuestionStatus.Submitted)
        {
            return ForumOperationStatus.WrongStatus;
        }

        if (!IsConfirmed)
        {
            return ForumOperationStatus.NotConfirmed;
        }

        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(body))
        {
            return ForumOperationStatus.ValidationFailed;
        }

        title = VietnameseText.Nfc(title.Trim());
        body = VietnameseText.Nfc(body.Trim());
        if (title != Title || body != Body)
        {
            OriginalText ??= Title + "\n\n" + Body;
            Title = title;
            Body = body;
            Record(QuestionAction.Redacted, moderator, at, null);
        }

        Status = QuestionStatus.Published;
        PublishedAt = at;
        Record(QuestionAction.Published, moderator, at, null);
        return ForumOperationStatus.Success;
    }

    public ForumOperationStatus Reject(Actor moderator, string? reason, DateTime at)
    {
        if (!ForumAccess.IsModerator(moderator))
        {
            return ForumOperationStatus.Forbidden;
        }

        if (Status != QuestionStatus.Submitted)
        {
            return ForumOperationStatus.WrongStatus;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return ForumOperationStatus.ReasonRequired;
        }

        Status = QuestionStatus.Rejected;
        StatusReason = reason.Trim();
        ClosedAt = at;
        Record(QuestionAction.Rejected, moderator, at, StatusReason);
        return ForumOperationStatus.Success;
    }

    /// <summary>Gives a published question to a unit, with its due date in working days from today.</summary>
    public ForumOperationStatus Assign(Actor moderator, Guid unitKey, string unitName, ForumPolicy policy, WorkingCalendar calendar, DateTime at)
    {
        if (!ForumAccess.IsModerator(moderator))
        {
            return ForumOperationStatus.Forbidden;
        }

        if (Status is not (QuestionStatus.Published or QuestionStatus.Assigned))
        {
            return ForumOperationStatus.WrongStatus;
        }

        StartAssignment(unitKey, unitName, policy, calendar, at);
        Record(QuestionAction.Assigned, moderator, at, unitName);
        return ForumOperationStatus.Success;
    }

    /// <summary>
    /// Not this unit's to answer: to another unit of the portal (which then owes the answer, with a new due date), or to
    /// an agency outside it (the question then shows where it went and why).
    /// </summary>
    public ForumOperationStatus Transfer(Actor actor, Guid? unitKey, string? unitOrAgencyName, string? reason, ForumPolicy policy,
        WorkingCalendar calendar, DateTime at)
    {
        if (!ForumAccess.CanTransfer(actor, AssignedUnitKey))
        {
            return ForumOperationStatus.Forbidden;
        }

        if (!Status.AwaitsAnswer() && Status != QuestionStatus.Published)
        {
            return ForumOperationStatus.WrongStatus;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return ForumOperationStatus.ReasonRequired;
        }

        if (string.IsNullOrWhiteSpace(unitOrAgencyName) || unitKey == AssignedUnitKey && unitKey is not null)
        {
            return ForumOperationStatus.UnitRequired;
        }

        reason = reason.Trim();
        var target = unitOrAgencyName.Trim();
        if (unitKey is { } unit)
        {
            StartAssignment(unit, target, policy, calendar, at);
            TransferredTo = null;
        }
        else
        {
            Status = QuestionStatus.Transferred;
            TransferredTo = target;
            DueOn = null;
        }

        StatusReason = reason;
        Record(QuestionAction.Transferred, actor, at, $"{target}: {reason}");
        return ForumOperationStatus.Success;
    }

    /// <summary>Writes a new answer, or changes a draft or returned one, for the assigned unit.</summary>
    public ForumOperationStatus WriteAnswer(Actor writer, Guid? answerKey, string body, IReadOnlyList<string> citations,
        IReadOnlyList<Guid> attachmentKeys, DateTime at)
    {
        if (!ForumAccess.CanWriteAnswer(writer, AssignedUnitKey))
        {
            return ForumOperationStatus.Forbidden;
        }

        if (!Status.AwaitsAnswer())
        {
            return ForumOperationStatus.WrongStatus;
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return ForumOperationStatus.ValidationFailed;
        }

        body = VietnameseText.Nfc(body.Trim());
        var cleanCitations = citations.Select(c => VietnameseText.Nfc(c.Trim())).Where(c => c.Length > 0).ToList();
        if (answerKey is null)
        {
            answers.Add(new Answer(Guid.NewGuid(), AssignedUnitKey!.Value, AssignedUnitName ?? string.Empty, body, cleanCitations,
                attachmentKeys, writer.Name, writer.UserKey, at));
            Record(QuestionAction.AnswerDrafted, writer, at, null);
            return ForumOperationStatus.Success;
        }

        if (answers.FirstOrDefault(a => a.Key == answerKey) is not { } answer || answer.UnitKey != AssignedUnitKey)
        {
            return ForumOperationStatus.AnswerNotFound;
        }

        if (!answer.IsEditable)
        {
            return ForumOperationStatus.AnswerNotEditable;
        }

        answer.Change(body, cleanCitations, attachmentKeys, at);
        Record(QuestionAction.AnswerDrafted, writer, at, null);
        return ForumOperationStatus.Success;
    }

    public ForumOperationStatus SubmitAnswer(Actor writer, Guid answerKey, DateTime at)
    {
        if (!ForumAccess.CanWriteAnswer(writer, AssignedUnitKey))
        {
            return ForumOperationStatus.Forbidden;
        }

        if (FindCurrentAnswer(answerKey) is not { } answer)
        {
            return ForumOperationStatus.AnswerNotFound;
        }

        if (!Status.AwaitsAnswer() || !answer.IsEditable)
        {
            return ForumOperationStatus.AnswerNotEditable;
        }

        answer.Submit(at);
        Record(QuestionAction.AnswerSubmitted, writer, at, null);
        return ForumOperationStatus.Success;
    }

    public ForumOperationStatus ReturnAnswer(Actor approver, Guid answerKey, string? reason, DateTime at)
    {
        if (!ForumAccess.CanApproveAnswer(approver, AssignedUnitKey))
        {
            return ForumOperationStatus.Forbidden;
        }

        if (FindCurrentAnswer(answerKey) is not { } answer)
        {
            return ForumOperationStatus.AnswerNotFound;
        }

        if (answer.Status != AnswerStatus.PendingApproval)
        {
            return ForumOperationStatus.AnswerNotPending;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return ForumOperationStatus.ReasonRequired;
        }

        answer.Return(reason.Trim(), at);
        Record(QuestionAction.AnswerReturned, approver, at, reason.Trim());
        return ForumOperationStatus.Success;
    }

    /// <summary>The unit's approver makes the answer public; the question is answered and the asker is told.</summary>
    public ForumOperationStatus ApproveAnswer(Actor approver, Guid answerKey, DateTime at)
    {
        if (!ForumAccess.CanApproveAnswer(approver, AssignedUnitKey))
        {
            return ForumOperationStatus.Forbidden;
        }

        if (FindCurrentAnswer(answerKey) is not { } answer)
        {
            return ForumOperationStatus.AnswerNotFound;
        }

        if (answer.Status != AnswerStatus.PendingApproval || !Status.AwaitsAnswer())
        {
            return ForumOperationStatus.AnswerNotPending;
        }

        answer.Publish(approver.Name, at);
        Status = QuestionStatus.Answered;
        AnsweredAt ??= at;
        StatusReason = null;
        RefreshSearchText();
        Record(QuestionAction.Answered, approver, at, answer.UnitName);
        return ForumOperationStatus.Success;
    }

    /// <summary>The asker (who proved it with the tracking code and contact) says the answer did not resolve it.</summary>
    public ForumOperationStatus Reopen(Actor asker, string? reason, ForumPolicy policy, WorkingCalendar calendar, DateTime at)
    {
        if (Status != QuestionStatus.Answered)
        {
            return ForumOperationStatus.WrongStatus;
        }

        var answeredAt = PublishedAnswers.LastOrDefault()?.ApprovedAt ?? AnsweredAt ?? at;
        if (at > answeredAt.AddDays(policy.ReopenWindowDays))
        {
            return ForumOperationStatus.ReopenWindowPassed;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return ForumOperationStatus.ReasonRequired;
        }

        Status = QuestionStatus.Reopened;
        StatusReason = VietnameseText.Nfc(reason.Trim());
        ReopenCount++;
        RemindersSent = 0;
        DueOn = calendar.AddWorkingDays(DateOnly.FromDateTime(VietnamTime.FromUtc(at)), policy.DeadlineDays(Kind));
        Record(QuestionAction.Reopened, asker, at, StatusReason);
        return ForumOperationStatus.Success;
    }

    /// <summary>Closed by the asker (resolved), by a moderator, or by the system when the reopen window has passed.</summary>
    public ForumOperationStatus Close(Actor actor, bool byAsker, string? note, DateTime at)
    {
        if (!byAsker && !actor.IsSystem && !ForumAccess.IsModerator(actor))
        {
            return ForumOperationStatus.Forbidden;
        }

        if (Status == QuestionStatus.Closed || !Status.IsPublic()
            || (byAsker && Status is not (QuestionStatus.Answered or QuestionStatus.Transferred)))
        {
            return ForumOperationStatus.WrongStatus;
        }

        Status = QuestionStatus.Closed;
        ClosedAt = at;
        Record(QuestionAction.Closed, actor, at, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        return ForumOperationStatus.Success;
    }

    /// <summary>
    /// A reader reports the question or one of its answers. When distinct readers' undecided reports reach the
    /// threshold, the post is hidden until a moderator decides.
    /// </summary>
    public ForumOperationStatus Report(Guid? answerKey, string reporter, string? reason, int threshold, DateTime at)
    {
        if (!IsPublic)
        {
            return ForumOperationStatus.NotFound;
        }

        var answer = answerKey is null ? null : answers.FirstOrDefault(a => a.Key == answerKey && a.Status == AnswerStatus.Published);
        if (answerKey is not null && answer is null)
        {
            return ForumOperationStatus.AnswerNotFound;
        }

        if (reports.Any(r => r.AnswerKey == answerKey && r.Reporter == reporter && !r.Decided))
        {
            return ForumOperationStatus.AlreadyReported;
        }

        reports.Add(new PostReport(answerKey, reporter, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), at));
        var open = reports.Count(r => r.AnswerKey == answerKey && !r.Decided);
        if (open >= Math.Max(1, threshold))
        {
            var system = Actor.System("forum-reports");
            if (answer is null && !Hidden)
            {
                Hidden = true;
                Record(QuestionAction.Hidden, system, at, $"{open} báo cáo");
            }
            else if (answer is { Hidden: false })
            {
                answer.SetHidden(true);
                Record(QuestionAction.Hidden, system, at, $"Câu trả lời của {answer.UnitName}: {open} báo cáo");
            }
        }

        Touch(at);
        return ForumOperationStatus.Success;
    }

    /// <summary>The moderator decides on the reports of a post: shown again, or removed from public view for good.</summary>
    public ForumOperationStatus DecideReports(Actor moderator, Guid? answerKey, bool remove, string? note, DateTime at)
    {
        if (!ForumAccess.IsModerator(moderator))
        {
            return ForumOperationStatus.Forbidden;
        }

        var answer = answerKey is null ? null : answers.FirstOrDefault(a => a.Key == answerKey);
        if (answerKey is not null && answer is null)
        {
            return ForumOperationStatus.AnswerNotFound;
        }

        if (remove && string.IsNullOrWhiteSpace(note))
        {
            return ForumOperationStatus.ReasonRequired;
        }

        foreach (var report in reports.Where(r => r.AnswerKey == answerKey))
        {
            report.Decide();
        }

        if (answer is null)
        {
            Hidden = remove;
        }
        else
        {
            answer.SetHidden(remove);
        }

        Record(remove ? QuestionAction.Removed : QuestionAction.Restored, moderator, at, note?.Trim());
        return ForumOperationStatus.Success;
    }

    /// <summary>Which deadline state the question is in on a given Vietnam date.</summary>
    public DeadlineState Deadline(DateOnly today, WorkingCalendar calendar, ForumPolicy policy)
    {
        if (!Status.AwaitsAnswer() || DueOn is not { } due || today <= due)
        {
            return Status.AwaitsAnswer() && DueOn is not null ? DeadlineState.OnTime : DeadlineState.None;
        }

        return calendar.WorkingDaysBetween(due, today) > policy.VeryOverdueAfterDays ? DeadlineState.VeryOverdue : DeadlineState.Overdue;
    }

    /// <summary>Records that the unit was reminded (1 = due soon, 2 = overdue), so each reminder goes once.</summary>
    public void RecordReminder(int level, string unitName, DateTime at)
    {
        RemindersSent = level;
        Record(QuestionAction.ReminderSent, Actor.System("forum-reminders"), at, unitName);
    }

    /// <summary>Erases the asker's contact details and the unredacted text (personal data law); the public thread stays.</summary>
    public void EraseContact(DateTime at)
    {
        Contact = null;
        OriginalText = null;
        ContactErasedAt = at;
        foreach (var entry in timeline)
        {
            entry.ForgetAddress();
        }

        Record(QuestionAction.ContactErased, Actor.System("forum-retention"), at, null);
    }

    private void StartAssignment(Guid unitKey, string unitName, ForumPolicy policy, WorkingCalendar calendar, DateTime at)
    {
        // Only published questions are assigned or transferred, so the publication date is already set.
        Status = QuestionStatus.Assigned;
        AssignedUnitKey = unitKey;
        AssignedUnitName = unitName;
        AssignedAt = at;
        AnsweredAt = null;
        RemindersSent = 0;
        DueOn = calendar.AddWorkingDays(DateOnly.FromDateTime(VietnamTime.FromUtc(at)), policy.DeadlineDays(Kind));
        RefreshSearchText();
    }

    /// <summary>Only the assigned unit's answers can move; earlier units' answers stay as they were.</summary>
    private Answer? FindCurrentAnswer(Guid answerKey) => answers.FirstOrDefault(a => a.Key == answerKey && a.UnitKey == AssignedUnitKey);

    private void RefreshSearchText() => SearchText = VietnameseText.Fold(string.Join(' ',
        new[] { Title, Body, AssignedUnitName ?? string.Empty }.Concat(PublishedAnswers.Select(a => a.Body))));

    private void Record(QuestionAction action, Actor actor, DateTime at, string? note)
    {
        timeline.Add(new QuestionTimelineEntry(action, actor, at, note));
        Touch(at);
        if (action is QuestionAction.Published or QuestionAction.Redacted)
        {
            RefreshSearchText();
        }
    }

    private void Touch(DateTime at)
    {
        UpdatedAt = at;
        Version++;
    }
}
