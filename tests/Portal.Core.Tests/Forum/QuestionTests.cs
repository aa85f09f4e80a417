using Portal.Core.Access;
using Portal.Core.Forum;

namespace Portal.Core.Tests.Forum;

public sealed class QuestionTests
{
    private const string Title = "Thủ tục cấp giấy phép xây dựng nhà ở";
    private const string Body = "Tôi muốn xây nhà ở tại phường Quyết Thắng, cần chuẩn bị những giấy tờ gì? Số điện thoại của tôi 0905123456.";
    private const string AskerIp = "203.113.1.5";

    private static readonly Guid SoXayDung = new("6b1f3d2e-0000-4000-8000-000000000001");
    private static readonly Guid SoTaiChinh = new("6b1f3d2e-0000-4000-8000-000000000002");

    // 2026-03-05 18:00 UTC is Friday 2026-03-06 01:00 in Vietnam.
    private static readonly DateTime AskedAt = new(2026, 3, 4, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime AssignedAt = new(2026, 3, 5, 18, 0, 0, DateTimeKind.Utc);

    private static readonly string[] NoCitations = [];
    private static readonly Guid[] NoAttachments = [];

    private static UserGroup Group(string alias, string[] sections, Permission permissions, Guid? unitKey) =>
        new(Guid.NewGuid(), alias, alias, sections, permissions, hasRootAccess: false, [], unitKey);

    private static Actor Asker() => Actor.Anonymous(AskerIp);

    private static Actor Moderator() =>
        Actor.User(Guid.NewGuid(), "kiemduyet.snv", [Group("so-noi-vu-forum", [Section.Forum], Permission.Browse, null)], "10.0.0.5");

    private static Actor Editor(Guid unit) => Actor.User(Guid.NewGuid(), "bientap", [Group("unit-editors",
        [Section.Content, Section.Forum], Permission.Browse | Permission.Update | Permission.SendForApproval, unit)], "10.0.0.6");

    private static Actor Approver(Guid unit) =>
        Actor.User(Guid.NewGuid(), "pheduyet", [Group("unit-approvers", [Section.Content, Section.Forum], Permission.All, unit)], "10.0.0.7");

    private static NewQuestion Input(string contact = "0905 123 456", QuestionKind kind = QuestionKind.Inquiry)
    {
        var (input, errors) = NewQuestion.Create(kind, Title, Body, null, null, null, "Nguyễn Văn An", contact, []);
        Assert.Empty(errors);
        return input!;
    }

    private static Question Asked(string contact = "0905 123 456", QuestionKind kind = QuestionKind.Inquiry) =>
        Question.Ask(Input(contact, kind), 2026, 123, Asker(), AskedAt);

    private static Question Published(QuestionKind kind = QuestionKind.Inquiry)
    {
        var question = Asked(kind: kind);
        Assert.Equal(ForumOperationStatus.Success, question.Publish(Moderator(), Title, Body, AskedAt.AddHours(2)));
        return question;
    }

    private static Question Assigned(ForumPolicy? policy = null, QuestionKind kind = QuestionKind.Inquiry)
    {
        policy ??= new ForumPolicy();
        var question = Published(kind);
        Assert.Equal(ForumOperationStatus.Success,
            question.Assign(Moderator(), SoXayDung, "Sở Xây dựng", policy, policy.Calendar(), AssignedAt));
        return question;
    }

    private static Guid Draft(Question question, DateTime at)
    {
        Assert.Equal(ForumOperationStatus.Success,
            question.WriteAnswer(Editor(SoXayDung), null, "Ông/bà cần nộp đơn đề nghị cấp giấy phép xây dựng.", NoCitations, NoAttachments, at));
        return question.Answers[^1].Key;
    }

    private static Question Answered(DateTime approvedAt)
    {
        var question = Assigned();
        var answer = Draft(question, approvedAt.AddHours(-2));
        Assert.Equal(ForumOperationStatus.Success, question.SubmitAnswer(Editor(SoXayDung), answer, approvedAt.AddHours(-1)));
        Assert.Equal(ForumOperationStatus.Success, question.ApproveAnswer(Approver(SoXayDung), answer, approvedAt));
        return question;
    }

    [Fact]
    public void Ask_NewQuestion_SubmittedWithTrackingCodeAndAskedEntry()
    {
        var question = Asked();

        Assert.Equal(QuestionStatus.Submitted, question.Status);
        Assert.Equal("PAKN-2026-000123", question.TrackingCode);
        Assert.Equal("0905123456", question.Contact);
        Assert.False(question.IsPublic);
        var entry = Assert.Single(question.Timeline);
        Assert.Equal(QuestionAction.Asked, entry.Action);
        Assert.Equal(AskerIp, entry.IpAddress);
        Assert.Equal(AskedAt, entry.At);
    }

    [Fact]
    public void Publish_EmailAskerNotConfirmed_NotConfirmedUntilConfirm()
    {
        var question = Asked("an.nguyen@example.vn");

        Assert.False(question.IsConfirmed);
        Assert.Equal(ForumOperationStatus.NotConfirmed, question.Publish(Moderator(), Title, Body, AskedAt.AddHours(1)));
        Assert.Equal(QuestionStatus.Submitted, question.Status);

        Assert.Equal(ForumOperationStatus.Success, question.Confirm(Asker(), AskedAt.AddHours(2)));
        Assert.Equal(ForumOperationStatus.Success, question.Publish(Moderator(), Title, Body, AskedAt.AddHours(3)));

        Assert.Equal(QuestionStatus.Published, question.Status);
        Assert.True(question.IsPublic);
        Assert.Equal([QuestionAction.Asked, QuestionAction.Confirmed, QuestionAction.Published], question.Timeline.Select(e => e.Action));
    }

    [Fact]
    public void Confirm_Twice_RecordsOnce()
    {
        var question = Asked("an.nguyen@example.vn");

        question.Confirm(Asker(), AskedAt.AddHours(1));
        Assert.Equal(ForumOperationStatus.Success, question.Confirm(Asker(), AskedAt.AddHours(2)));

        Assert.Equal(AskedAt.AddHours(1), question.ConfirmedAt);
        Assert.Equal([QuestionAction.Asked, QuestionAction.Confirmed], question.Timeline.Select(e => e.Action));
    }

    [Fact]
    public void Publish_PhoneAsker_GoesStraightToModeration()
    {
        var question = Asked("+84 905 123 456");

        Assert.True(question.IsConfirmed);
        Assert.Equal(ForumOperationStatus.Success, question.Publish(Moderator(), Title, Body, AskedAt.AddHours(1)));

        Assert.Equal(QuestionStatus.Published, question.Status);
        Assert.Equal(AskedAt.AddHours(1), question.PublishedAt);
        Assert.Null(question.OriginalText);
        Assert.Equal([QuestionAction.Asked, QuestionAction.Published], question.Timeline.Select(e => e.Action));
    }

    [Fact]
    public void Publish_ByNonModerator_ForbiddenAndNothingChanges()
    {
        var question = Asked();
        var version = question.Version;

        Assert.Equal(ForumOperationStatus.Forbidden, question.Publish(Editor(SoXayDung), "Tiêu đề đã sửa đổi", Body, AskedAt.AddHours(1)));
        Assert.Equal(ForumOperationStatus.Forbidden, question.Publish(Asker(), Title, Body, AskedAt.AddHours(1)));

        Assert.Equal(QuestionStatus.Submitted, question.Status);
        Assert.Equal(Title, question.Title);
        Assert.Null(question.PublishedAt);
        Assert.Equal(version, question.Version);
        Assert.Single(question.Timeline);
    }

    [Fact]
    public void Publish_EditedText_KeepsOriginalAndRecordsRedactedThenPublished()
    {
        var question = Asked();
        var redactedBody = PersonalDataRedactor.Redact(Body);

        Assert.Equal(ForumOperationStatus.Success, question.Publish(Moderator(), Title, redactedBody, AskedAt.AddHours(1)));

        Assert.Equal(redactedBody, question.Body);
        Assert.Contains("[đã ẩn]", question.Body, StringComparison.Ordinal);
        Assert.Equal(Title + "\n\n" + Body, question.OriginalText);
        Assert.Equal([QuestionAction.Asked, QuestionAction.Redacted, QuestionAction.Published], question.Timeline.Select(e => e.Action));
    }

    [Fact]
    public void Publish_Twice_WrongStatus()
    {
        var question = Published();

        Assert.Equal(ForumOperationStatus.WrongStatus, question.Publish(Moderator(), Title, Body, AskedAt.AddHours(5)));
    }

    [Fact]
    public void Publish_EmptyTitle_ValidationFailed()
    {
        var question = Asked();

        Assert.Equal(ForumOperationStatus.ValidationFailed, question.Publish(Moderator(), "  ", Body, AskedAt.AddHours(1)));
        Assert.Equal(QuestionStatus.Submitted, question.Status);
    }

    [Fact]
    public void Reject_WithoutReason_ReasonRequired()
    {
        var question = Asked();

        Assert.Equal(ForumOperationStatus.ReasonRequired, question.Reject(Moderator(), "   ", AskedAt.AddHours(1)));
        Assert.Equal(QuestionStatus.Submitted, question.Status);
        Assert.Single(question.Timeline);
    }

    [Fact]
    public void Reject_WithReason_RejectedAndNotPublic()
    {
        var question = Asked();

        Assert.Equal(ForumOperationStatus.Success, question.Reject(Moderator(), "  Nội dung không thuộc phạm vi diễn đàn. ", AskedAt.AddHours(1)));

        Assert.Equal(QuestionStatus.Rejected, question.Status);
        Assert.Equal("Nội dung không thuộc phạm vi diễn đàn.", question.StatusReason);
        Assert.False(question.IsPublic);
        Assert.Equal(AskedAt.AddHours(1), question.ClosedAt);
        Assert.Equal([QuestionAction.Asked, QuestionAction.Rejected], question.Timeline.Select(e => e.Action));
        Assert.Equal("Nội dung không thuộc phạm vi diễn đàn.", question.Timeline[^1].Note);
    }

    [Fact]
    public void Reject_ByUnitApprover_Forbidden()
    {
        var question = Asked();

        Assert.Equal(ForumOperationStatus.Forbidden, question.Reject(Approver(SoXayDung), "Không phù hợp", AskedAt.AddHours(1)));
    }

    [Fact]
    public void Assign_InquiryOnVietnamFriday_DueInSevenWorkingDaysFromTheLocalDate()
    {
        var question = Assigned();

        Assert.Equal(QuestionStatus.Assigned, question.Status);
        Assert.Equal(SoXayDung, question.AssignedUnitKey);
        Assert.Equal("Sở Xây dựng", question.AssignedUnitName);
        Assert.Equal(AssignedAt, question.AssignedAt);
        // Friday 06/03 in Vietnam (still Thursday in UTC): +7 working days is Tuesday 17/03.
        Assert.Equal(new DateOnly(2026, 3, 17), question.DueOn);
        Assert.Equal([QuestionAction.Asked, QuestionAction.Published, QuestionAction.Assigned], question.Timeline.Select(e => e.Action));
        Assert.Equal("Sở Xây dựng", question.Timeline[^1].Note);
    }

    [Fact]
    public void Assign_Feedback_UsesFeedbackDeadline()
    {
        var question = Assigned(kind: QuestionKind.Feedback);

        Assert.Equal(new DateOnly(2026, 3, 20), question.DueOn);
    }

    [Fact]
    public void Assign_PolicyDaysAndHolidays_MoveTheDueDate()
    {
        var policy = new ForumPolicy { InquiryDeadlineDays = 3, Holidays = ["2026-03-09", "2026-03-10"] };

        var question = Assigned(policy);

        Assert.Equal(new DateOnly(2026, 3, 13), question.DueOn);
    }

    [Fact]
    public void Assign_BeforePublish_WrongStatus()
    {
        var question = Asked();
        var policy = new ForumPolicy();

        Assert.Equal(ForumOperationStatus.WrongStatus, question.Assign(Moderator(), SoXayDung, "Sở Xây dựng", policy, policy.Calendar(), AssignedAt));
        Assert.Null(question.AssignedUnitKey);
    }

    [Fact]
    public void Assign_ByUnitUser_Forbidden()
    {
        var question = Published();
        var policy = new ForumPolicy();

        Assert.Equal(ForumOperationStatus.Forbidden,
            question.Assign(Approver(SoXayDung), SoXayDung, "Sở Xây dựng", policy, policy.Calendar(), AssignedAt));
        Assert.Equal(QuestionStatus.Published, question.Status);
    }

    [Fact]
    public void WriteAnswer_AssignedUnitEditor_CreatesDraft()
    {
        var question = Assigned();
        var citations = new[] { " Khoản 1 Điều 95 Luật Xây dựng 2014 ", "  " };

        var status = question.WriteAnswer(Editor(SoXayDung), null, "  Ông/bà cần nộp hồ sơ tại Trung tâm Phục vụ hành chính công. ",
            citations, NoAttachments, AssignedAt.AddDays(1));

        Assert.Equal(ForumOperationStatus.Success, status);
        var answer = Assert.Single(question.Answers);
        Assert.Equal(AnswerStatus.Draft, answer.Status);
        Assert.Equal("Ông/bà cần nộp hồ sơ tại Trung tâm Phục vụ hành chính công.", answer.Body);
        Assert.Equal(["Khoản 1 Điều 95 Luật Xây dựng 2014"], answer.Citations);
        Assert.Equal(SoXayDung, answer.UnitKey);
        Assert.Equal("Sở Xây dựng", answer.UnitName);
        Assert.Equal(QuestionAction.AnswerDrafted, question.Timeline[^1].Action);
    }

    [Fact]
    public void WriteAnswer_AnotherUnit_Forbidden()
    {
        var question = Assigned();

        var status = question.WriteAnswer(Editor(SoTaiChinh), null, "Trả lời của đơn vị khác.", NoCitations, NoAttachments, AssignedAt.AddDays(1));

        Assert.Equal(ForumOperationStatus.Forbidden, status);
        Assert.Empty(question.Answers);
    }

    [Fact]
    public void WriteAnswer_BeforeAssignment_Forbidden()
    {
        var question = Published();

        var status = question.WriteAnswer(Editor(SoXayDung), null, "Trả lời sớm.", NoCitations, NoAttachments, AssignedAt);

        Assert.Equal(ForumOperationStatus.Forbidden, status);
    }

    [Fact]
    public void SubmitAnswer_Draft_PendingApprovalAndNoLongerEditable()
    {
        var question = Assigned();
        var answer = Draft(question, AssignedAt.AddDays(1));

        Assert.Equal(ForumOperationStatus.Success, question.SubmitAnswer(Editor(SoXayDung), answer, AssignedAt.AddDays(2)));

        Assert.Equal(AnswerStatus.PendingApproval, question.Answers[0].Status);
        Assert.False(question.Answers[0].IsEditable);
        Assert.Equal(ForumOperationStatus.AnswerNotEditable,
            question.WriteAnswer(Editor(SoXayDung), answer, "Sửa khi đang chờ duyệt.", NoCitations, NoAttachments, AssignedAt.AddDays(2)));
        Assert.Equal(QuestionAction.AnswerSubmitted, question.Timeline[^1].Action);
    }

    [Fact]
    public void ReturnAnswer_WithoutReason_ReasonRequired()
    {
        var question = Assigned();
        var answer = Draft(question, AssignedAt.AddDays(1));
        question.SubmitAnswer(Editor(SoXayDung), answer, AssignedAt.AddDays(2));

        Assert.Equal(ForumOperationStatus.ReasonRequired, question.ReturnAnswer(Approver(SoXayDung), answer, " ", AssignedAt.AddDays(3)));
        Assert.Equal(AnswerStatus.PendingApproval, question.Answers[0].Status);
    }

    [Fact]
    public void ReturnAnswer_WithReason_EditableAgainAndCanBeResubmitted()
    {
        var question = Assigned();
        var answer = Draft(question, AssignedAt.AddDays(1));
        question.SubmitAnswer(Editor(SoXayDung), answer, AssignedAt.AddDays(2));

        Assert.Equal(ForumOperationStatus.Success,
            question.ReturnAnswer(Approver(SoXayDung), answer, "Cần trích dẫn căn cứ pháp lý.", AssignedAt.AddDays(3)));

        Assert.Equal(AnswerStatus.Returned, question.Answers[0].Status);
        Assert.Equal("Cần trích dẫn căn cứ pháp lý.", question.Answers[0].ReturnReason);
        Assert.True(question.Answers[0].IsEditable);
        Assert.Equal(ForumOperationStatus.Success, question.WriteAnswer(Editor(SoXayDung), answer,
            "Theo Luật Xây dựng, ông/bà cần nộp đơn đề nghị.", ["Điều 95 Luật Xây dựng 2014"], NoAttachments, AssignedAt.AddDays(4)));
        Assert.Equal(ForumOperationStatus.Success, question.SubmitAnswer(Editor(SoXayDung), answer, AssignedAt.AddDays(4)));
        Assert.Equal(AnswerStatus.PendingApproval, question.Answers[0].Status);
        Assert.Null(question.Answers[0].ReturnReason);
        Assert.Equal(
            [QuestionAction.Asked, QuestionAction.Published, QuestionAction.Assigned, QuestionAction.AnswerDrafted, QuestionAction.AnswerSubmitted,
                QuestionAction.AnswerReturned, QuestionAction.AnswerDrafted, QuestionAction.AnswerSubmitted],
            question.Timeline.Select(e => e.Action));
    }

    [Fact]
    public void ApproveAnswer_ByEditor_ForbiddenAndStillPending()
    {
        var question = Assigned();
        var answer = Draft(question, AssignedAt.AddDays(1));
        question.SubmitAnswer(Editor(SoXayDung), answer, AssignedAt.AddDays(2));

        Assert.Equal(ForumOperationStatus.Forbidden, question.ApproveAnswer(Editor(SoXayDung), answer, AssignedAt.AddDays(3)));
        Assert.Equal(ForumOperationStatus.Forbidden, question.ApproveAnswer(Approver(SoTaiChinh), answer, AssignedAt.AddDays(3)));

        Assert.Equal(QuestionStatus.Assigned, question.Status);
        Assert.Equal(AnswerStatus.PendingApproval, question.Answers[0].Status);
        Assert.Null(question.AnsweredAt);
    }

    [Fact]
    public void ApproveAnswer_Draft_AnswerNotPending()
    {
        var question = Assigned();
        var answer = Draft(question, AssignedAt.AddDays(1));

        Assert.Equal(ForumOperationStatus.AnswerNotPending, question.ApproveAnswer(Approver(SoXayDung), answer, AssignedAt.AddDays(2)));
    }

    [Fact]
    public void ApproveAnswer_ByUnitApprover_AnsweredAndPublished()
    {
        var approvedAt = AssignedAt.AddDays(3);

        var question = Answered(approvedAt);

        Assert.Equal(QuestionStatus.Answered, question.Status);
        Assert.Equal(approvedAt, question.AnsweredAt);
        var answer = Assert.Single(question.PublishedAnswers);
        Assert.Equal(AnswerStatus.Published, answer.Status);
        Assert.Equal("pheduyet", answer.ApprovedBy);
        Assert.Equal(approvedAt, answer.ApprovedAt);
        Assert.Equal(DeadlineState.None, question.Deadline(new DateOnly(2026, 4, 30), new WorkingCalendar([]), new ForumPolicy()));
        Assert.Equal(
            [QuestionAction.Asked, QuestionAction.Published, QuestionAction.Assigned, QuestionAction.AnswerDrafted, QuestionAction.AnswerSubmitted,
                QuestionAction.Answered],
            question.Timeline.Select(e => e.Action));
        Assert.Equal("Sở Xây dựng", question.Timeline[^1].Note);
    }

    [Fact]
    public void Reopen_WithinWindow_ReopenedWithNewDueDate()
    {
        var approvedAt = new DateTime(2026, 3, 9, 3, 0, 0, DateTimeKind.Utc);
        var question = Answered(approvedAt);
        var policy = new ForumPolicy();
        // Monday 30/03 in Vietnam: +7 working days is Wednesday 08/04.
        var reopenAt = new DateTime(2026, 3, 30, 1, 0, 0, DateTimeKind.Utc);

        var status = question.Reopen(Asker(), "Câu trả lời chưa nêu rõ lệ phí.", policy, policy.Calendar(), reopenAt);

        Assert.Equal(ForumOperationStatus.Success, status);
        Assert.Equal(QuestionStatus.Reopened, question.Status);
        Assert.Equal(1, question.ReopenCount);
        Assert.Equal("Câu trả lời chưa nêu rõ lệ phí.", question.StatusReason);
        Assert.Equal(new DateOnly(2026, 4, 8), question.DueOn);
        Assert.Equal(QuestionAction.Reopened, question.Timeline[^1].Action);
        Assert.Equal(DeadlineState.OnTime, question.Deadline(new DateOnly(2026, 4, 8), policy.Calendar(), policy));
    }

    [Fact]
    public void Reopen_OnTheLastDayOfTheWindow_Allowed()
    {
        var approvedAt = new DateTime(2026, 3, 9, 3, 0, 0, DateTimeKind.Utc);
        var question = Answered(approvedAt);
        var policy = new ForumPolicy { ReopenWindowDays = 30 };

        Assert.Equal(ForumOperationStatus.Success,
            question.Reopen(Asker(), "Chưa giải quyết được.", policy, policy.Calendar(), approvedAt.AddDays(30)));
    }

    [Fact]
    public void Reopen_AfterWindow_ReopenWindowPassedAndStillAnswered()
    {
        var approvedAt = new DateTime(2026, 3, 9, 3, 0, 0, DateTimeKind.Utc);
        var question = Answered(approvedAt);
        var policy = new ForumPolicy { ReopenWindowDays = 30 };
        var count = question.Timeline.Count;

        var status = question.Reopen(Asker(), "Chưa giải quyết được.", policy, policy.Calendar(), approvedAt.AddDays(31));

        Assert.Equal(ForumOperationStatus.ReopenWindowPassed, status);
        Assert.Equal(QuestionStatus.Answered, question.Status);
        Assert.Equal(count, question.Timeline.Count);
    }

    [Fact]
    public void Reopen_WithoutReason_ReasonRequired()
    {
        var approvedAt = new DateTime(2026, 3, 9, 3, 0, 0, DateTimeKind.Utc);
        var question = Answered(approvedAt);
        var policy = new ForumPolicy();

        Assert.Equal(ForumOperationStatus.ReasonRequired, question.Reopen(Asker(), null, policy, policy.Calendar(), approvedAt.AddDays(1)));
    }

    [Fact]
    public void Reopen_NotAnswered_WrongStatus()
    {
        var question = Assigned();
        var policy = new ForumPolicy();

        Assert.Equal(ForumOperationStatus.WrongStatus, question.Reopen(Asker(), "Chưa có trả lời.", policy, policy.Calendar(), AssignedAt.AddDays(1)));
    }

    [Fact]
    public void Transfer_ToAnotherUnit_ResetsAssignmentAndDueDate()
    {
        var question = Assigned();
        Draft(question, AssignedAt.AddHours(1));
        var policy = new ForumPolicy();
        // Monday 09/03 in Vietnam: +7 working days is Wednesday 18/03.
        var transferAt = new DateTime(2026, 3, 9, 2, 0, 0, DateTimeKind.Utc);

        var status = question.Transfer(Approver(SoXayDung), SoTaiChinh, " Sở Tài chính ", "Thuộc thẩm quyền về lệ phí.", policy,
            policy.Calendar(), transferAt);

        Assert.Equal(ForumOperationStatus.Success, status);
        Assert.Equal(QuestionStatus.Assigned, question.Status);
        Assert.Equal(SoTaiChinh, question.AssignedUnitKey);
        Assert.Equal("Sở Tài chính", question.AssignedUnitName);
        Assert.Equal(transferAt, question.AssignedAt);
        Assert.Equal(new DateOnly(2026, 3, 18), question.DueOn);
        Assert.Null(question.TransferredTo);
        Assert.Equal("Thuộc thẩm quyền về lệ phí.", question.StatusReason);
        Assert.Equal(QuestionAction.Transferred, question.Timeline[^1].Action);
        Assert.Equal("Sở Tài chính: Thuộc thẩm quyền về lệ phí.", question.Timeline[^1].Note);
        Assert.Equal(ForumOperationStatus.Forbidden,
            question.WriteAnswer(Editor(SoXayDung), null, "Trả lời của đơn vị cũ.", NoCitations, NoAttachments, transferAt.AddHours(1)));
        Assert.Equal(ForumOperationStatus.Success,
            question.WriteAnswer(Editor(SoTaiChinh), null, "Trả lời của Sở Tài chính.", NoCitations, NoAttachments, transferAt.AddHours(1)));
    }

    [Fact]
    public void Transfer_ToOutsideAgency_TransferredWithAgencyName()
    {
        var question = Assigned();

        var status = question.Transfer(Moderator(), null, "Cục Thuế tỉnh Kon Tum", "Nội dung về thuế thu nhập cá nhân.", new ForumPolicy(),
            new WorkingCalendar([]), AssignedAt.AddDays(1));

        Assert.Equal(ForumOperationStatus.Success, status);
        Assert.Equal(QuestionStatus.Transferred, question.Status);
        Assert.Equal("Cục Thuế tỉnh Kon Tum", question.TransferredTo);
        Assert.Null(question.DueOn);
        Assert.True(question.IsPublic);
        Assert.Equal(DeadlineState.None, question.Deadline(new DateOnly(2026, 5, 1), new WorkingCalendar([]), new ForumPolicy()));
    }

    [Fact]
    public void Transfer_MissingReasonOrTarget_RefusedAndUnchanged()
    {
        var question = Assigned();
        var policy = new ForumPolicy();
        var calendar = policy.Calendar();

        Assert.Equal(ForumOperationStatus.ReasonRequired,
            question.Transfer(Moderator(), SoTaiChinh, "Sở Tài chính", " ", policy, calendar, AssignedAt.AddDays(1)));
        Assert.Equal(ForumOperationStatus.UnitRequired,
            question.Transfer(Moderator(), null, "  ", "Không thuộc thẩm quyền.", policy, calendar, AssignedAt.AddDays(1)));
        Assert.Equal(ForumOperationStatus.UnitRequired,
            question.Transfer(Moderator(), SoXayDung, "Sở Xây dựng", "Chuyển lại chính mình.", policy, calendar, AssignedAt.AddDays(1)));

        Assert.Equal(SoXayDung, question.AssignedUnitKey);
        Assert.Equal(new DateOnly(2026, 3, 17), question.DueOn);
    }

    [Fact]
    public void Transfer_ByEditorOfTheUnit_Forbidden()
    {
        var question = Assigned();
        var policy = new ForumPolicy();

        Assert.Equal(ForumOperationStatus.Forbidden,
            question.Transfer(Editor(SoXayDung), SoTaiChinh, "Sở Tài chính", "Không thuộc thẩm quyền.", policy, policy.Calendar(), AssignedAt.AddDays(1)));
    }

    [Fact]
    public void Report_ThreeDistinctReporters_HidesTheQuestion()
    {
        var question = Published();
        var at = AskedAt.AddDays(1);

        Assert.Equal(ForumOperationStatus.Success, question.Report(null, "reader-a", "Nội dung xúc phạm", 3, at));
        Assert.Equal(ForumOperationStatus.Success, question.Report(null, "reader-b", null, 3, at));
        Assert.True(question.IsPublic);
        Assert.Equal(ForumOperationStatus.Success, question.Report(null, "reader-c", null, 3, at));

        Assert.True(question.Hidden);
        Assert.False(question.IsPublic);
        Assert.Equal(3, question.Reports.Count);
        Assert.Equal(QuestionAction.Hidden, question.Timeline[^1].Action);
        Assert.Equal("3 báo cáo", question.Timeline[^1].Note);
        Assert.Equal(ForumOperationStatus.NotFound, question.Report(null, "reader-d", null, 3, at));
    }

    [Fact]
    public void Report_SameReporterTwice_AlreadyReported()
    {
        var question = Published();
        var at = AskedAt.AddDays(1);

        question.Report(null, "reader-a", null, 3, at);

        Assert.Equal(ForumOperationStatus.AlreadyReported, question.Report(null, "reader-a", "Lần nữa", 3, at));
        Assert.Single(question.Reports);
        Assert.True(question.IsPublic);
    }

    [Fact]
    public void Report_NotYetPublished_NotFound()
    {
        var question = Asked();

        Assert.Equal(ForumOperationStatus.NotFound, question.Report(null, "reader-a", null, 3, AskedAt.AddHours(1)));
    }

    [Fact]
    public void DecideReports_Keep_ShowsTheQuestionAgain()
    {
        var question = Published();
        var at = AskedAt.AddDays(1);
        question.Report(null, "reader-a", null, 3, at);
        question.Report(null, "reader-b", null, 3, at);
        question.Report(null, "reader-c", null, 3, at);

        Assert.Equal(ForumOperationStatus.Success, question.DecideReports(Moderator(), null, remove: false, null, at.AddHours(1)));

        Assert.False(question.Hidden);
        Assert.True(question.IsPublic);
        Assert.All(question.Reports, r => Assert.True(r.Decided));
        Assert.Equal(QuestionAction.Restored, question.Timeline[^1].Action);
        Assert.Equal(ForumOperationStatus.Success, question.Report(null, "reader-a", null, 3, at.AddHours(2)));
        Assert.True(question.IsPublic);
    }

    [Fact]
    public void DecideReports_RemoveWithoutNote_ReasonRequired()
    {
        var question = Published();
        question.Report(null, "reader-a", null, 1, AskedAt.AddDays(1));

        Assert.Equal(ForumOperationStatus.ReasonRequired, question.DecideReports(Moderator(), null, remove: true, " ", AskedAt.AddDays(2)));
        Assert.Equal(ForumOperationStatus.Success,
            question.DecideReports(Moderator(), null, remove: true, "Vi phạm nội quy diễn đàn.", AskedAt.AddDays(2)));
        Assert.False(question.IsPublic);
        Assert.Equal(QuestionAction.Removed, question.Timeline[^1].Action);
    }

    [Fact]
    public void DecideReports_ByNonModerator_Forbidden()
    {
        var question = Published();

        Assert.Equal(ForumOperationStatus.Forbidden, question.DecideReports(Approver(SoXayDung), null, remove: false, null, AskedAt.AddDays(1)));
    }

    [Theory]
    [InlineData("2026-03-10", DeadlineState.OnTime)]
    [InlineData("2026-03-17", DeadlineState.OnTime)]
    [InlineData("2026-03-18", DeadlineState.Overdue)]
    [InlineData("2026-03-24", DeadlineState.Overdue)]
    [InlineData("2026-03-25", DeadlineState.VeryOverdue)]
    public void Deadline_ByToday_FollowsDueDateAndVeryOverdueDays(string today, DeadlineState expected)
    {
        var policy = new ForumPolicy { VeryOverdueAfterDays = 5 };
        var question = Assigned(policy);

        Assert.Equal(expected, question.Deadline(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), policy.Calendar(), policy));
    }

    [Fact]
    public void Deadline_HolidaysAfterTheDueDate_DelayVeryOverdue()
    {
        var policy = new ForumPolicy { VeryOverdueAfterDays = 5, Holidays = ["2026-03-18", "2026-03-19"] };
        var question = Assigned(new ForumPolicy());

        Assert.Equal(DeadlineState.Overdue, question.Deadline(new DateOnly(2026, 3, 25), policy.Calendar(), policy));
    }

    [Fact]
    public void Deadline_NotAssigned_None()
    {
        var question = Published();
        var policy = new ForumPolicy();

        Assert.Equal(DeadlineState.None, question.Deadline(new DateOnly(2026, 12, 31), policy.Calendar(), policy));
    }

    [Fact]
    public void Close_ByAskerAfterAnswer_Closed()
    {
        var question = Answered(AssignedAt.AddDays(2));

        Assert.Equal(ForumOperationStatus.Success, question.Close(Asker(), byAsker: true, "Cảm ơn, đã rõ.", AssignedAt.AddDays(3)));

        Assert.Equal(QuestionStatus.Closed, question.Status);
        Assert.Equal(AssignedAt.AddDays(3), question.ClosedAt);
        Assert.Equal(QuestionAction.Closed, question.Timeline[^1].Action);
        Assert.Equal(ForumOperationStatus.WrongStatus, question.Close(Moderator(), byAsker: false, null, AssignedAt.AddDays(4)));
    }

    [Fact]
    public void Close_ByAskerBeforeAnswer_WrongStatus_AndByUnitUser_Forbidden()
    {
        var question = Assigned();

        Assert.Equal(ForumOperationStatus.WrongStatus, question.Close(Asker(), byAsker: true, null, AssignedAt.AddDays(1)));
        Assert.Equal(ForumOperationStatus.Forbidden, question.Close(Editor(SoXayDung), byAsker: false, null, AssignedAt.AddDays(1)));
        Assert.Equal(QuestionStatus.Assigned, question.Status);
    }

    [Fact]
    public void EraseContact_ClearsContactOriginalTextAndAddresses()
    {
        var question = Asked();
        question.Publish(Moderator(), Title, PersonalDataRedactor.Redact(Body), AskedAt.AddHours(1));
        Assert.NotNull(question.OriginalText);
        Assert.Contains(question.Timeline, e => e.IpAddress is not null);
        var erasedAt = AskedAt.AddDays(400);

        question.EraseContact(erasedAt);

        Assert.Null(question.Contact);
        Assert.Null(question.OriginalText);
        Assert.Equal(erasedAt, question.ContactErasedAt);
        Assert.All(question.Timeline, e => Assert.Null(e.IpAddress));
        Assert.Equal(PersonalDataRedactor.Redact(Body), question.Body);
        Assert.Equal(
            [QuestionAction.Asked, QuestionAction.Redacted, QuestionAction.Published, QuestionAction.ContactErased],
            question.Timeline.Select(e => e.Action));
    }

    [Fact]
    public void ContactMatches_TypedDifferently_Matches()
    {
        var byPhone = Asked("0905 123 456");
        var byEmail = Asked("an.nguyen@example.vn");

        Assert.True(byPhone.ContactMatches("+84 905.123.456"));
        Assert.False(byPhone.ContactMatches("0905 123 457"));
        Assert.True(byEmail.ContactMatches("AN.NGUYEN@example.vn"));
        Assert.False(byEmail.ContactMatches(null));
    }

    [Fact]
    public void Verbs_EachStateChange_BumpsVersion()
    {
        var question = Asked();
        var afterAsk = question.Version;

        question.Publish(Moderator(), Title, Body, AskedAt.AddHours(1));

        Assert.True(question.Version > afterAsk);
        Assert.Equal(AskedAt.AddHours(1), question.UpdatedAt);
    }
}
