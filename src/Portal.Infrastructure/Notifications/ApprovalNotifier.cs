using Microsoft.Extensions.Logging;
using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Events;
using Portal.Data.Access;
using Portal.Data.Notifications;
using Portal.Infrastructure.Mail;

namespace Portal.Infrastructure.Notifications;

/// <summary>
/// Tells people about the approval workflow: approvers when a draft waits for them or was published without them, the
/// writer when a draft comes back. Each recipient gets an in-app notification and, when they have an address, an
/// e-mail. Durable, so an event committed before a crash is still announced after the restart, by one node only.
/// </summary>
/// <remarks>
/// An event seen again after a crash is recognised cheaply: the notice names the moment of the action, so a recipient
/// who already holds the identical notification is skipped, for the e-mail as well. Mail goes out before the
/// notifications are saved, so a crash in between repeats an e-mail rather than losing one.
/// </remarks>
public sealed partial class ApprovalNotifier(ApprovalQueries queries, UserGroupStore groups, NotificationStore notifications, IMailSender mail,
    BackofficeLinks links, TimeProvider clock, ILogger<ApprovalNotifier> logger) : IContentEventConsumer
{
    public string Name => "approval-notifications";

    public ConsumerScope Scope => ConsumerScope.Durable;

    public async Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken)
    {
        switch (contentEvent)
        {
            case EditionSentForApproval sent:
                await SentForApprovalAsync(sent, cancellationToken);
                break;
            case EditionRejected rejected:
                await RejectedAsync(rejected, cancellationToken);
                break;
            case EditionForcePublished forced:
                await ForcePublishedAsync(forced, cancellationToken);
                break;
        }
    }

    private async Task SentForApprovalAsync(EditionSentForApproval sent, CancellationToken cancellationToken)
    {
        if (await queries.SubjectAsync(sent.DocumentKey, sent.EditionNumber, cancellationToken) is not { } subject)
        {
            return;
        }

        var entry = await queries.LatestAsync(sent.DocumentKey, sent.EditionNumber, TimelineAction.SentForApproval, cancellationToken);
        var approvers = await ApproversAsync(subject, entry?.ActorKey, sent.SentBy, cancellationToken);
        var sender = await queries.DisplayNameAsync(sent.SentBy, cancellationToken);
        var notice = ApprovalNotice.SentForApproval(subject, sender, entry?.At, entry?.Note, links.Document(subject.DocumentKey));
        await NotifyAsync(notice, approvers, cancellationToken);
    }

    private async Task RejectedAsync(EditionRejected rejected, CancellationToken cancellationToken)
    {
        if (await queries.SubjectAsync(rejected.DocumentKey, rejected.EditionNumber, cancellationToken) is not { } subject)
        {
            return;
        }

        // The writer is whoever sent this edition for approval last; the event itself only names the approver.
        var sent = await queries.LatestAsync(rejected.DocumentKey, rejected.EditionNumber, TimelineAction.SentForApproval, cancellationToken);
        if (sent?.ActorKey is not { } writerKey || await queries.PersonAsync(writerKey, cancellationToken) is not { } writer
            || SameUser(writer.UserName, rejected.RejectedBy))
        {
            return;
        }

        var entry = await queries.LatestAsync(rejected.DocumentKey, rejected.EditionNumber, TimelineAction.Rejected, cancellationToken);
        var rejecter = await queries.DisplayNameAsync(rejected.RejectedBy, cancellationToken);
        var notice = ApprovalNotice.Rejected(subject, rejecter, entry?.At, rejected.Reason, links.Document(subject.DocumentKey));
        await NotifyAsync(notice, [writer], cancellationToken);
    }

    private async Task ForcePublishedAsync(EditionForcePublished forced, CancellationToken cancellationToken)
    {
        if (await queries.SubjectAsync(forced.DocumentKey, forced.EditionNumber, cancellationToken) is not { } subject)
        {
            return;
        }

        var entry = await queries.LatestAsync(forced.DocumentKey, forced.EditionNumber, TimelineAction.ForcePublished, cancellationToken);
        var approvers = await ApproversAsync(subject, entry?.ActorKey, forced.PublishedBy, cancellationToken);
        var publisher = await queries.DisplayNameAsync(forced.PublishedBy, cancellationToken);
        var notice = ApprovalNotice.ForcePublished(subject, publisher, entry?.At, forced.Reason, links.Document(subject.DocumentKey));
        await NotifyAsync(notice, approvers, cancellationToken);
    }

    /// <summary>
    /// People who may publish the page through a group other than the administrators; when there are none, the
    /// administrators, so that a draft never waits unseen. The person who acted is never among them.
    /// </summary>
    private async Task<IReadOnlyList<Recipient>> ApproversAsync(ApprovalSubject subject, Guid? actorKey, string actorName, CancellationToken cancellationToken)
    {
        var all = await groups.AllAsync(cancellationToken);
        var publishers = all.Where(g => !g.IsAdministrators && (g.On(subject.Path) & Permission.Publish) == Permission.Publish).Select(g => g.Key).ToList();
        var approvers = Others(await queries.PersonsInAsync(publishers, cancellationToken));
        if (approvers.Count > 0)
        {
            return approvers;
        }

        var administrators = all.Where(g => g.IsAdministrators).Select(g => g.Key).ToList();
        return Others(await queries.PersonsInAsync(administrators, cancellationToken));

        List<Recipient> Others(IReadOnlyList<Recipient> people) =>
            people.Where(p => p.UserKey != actorKey && !SameUser(p.UserName, actorName)).ToList();
    }

    private async Task NotifyAsync(ApprovalNotice notice, IReadOnlyList<Recipient> recipients, CancellationToken cancellationToken)
    {
        if (recipients.Count == 0)
        {
            LogNobodyToTell(logger, notice.DocumentKey);
            return;
        }

        var (title, body) = (notice.ShortTitle, notice.Body);
        var told = await notifications.AlreadyToldAsync(recipients.Select(r => r.UserKey).ToList(), notice.DocumentKey, title, body, cancellationToken);
        var fresh = recipients.Where(r => !told.Contains(r.UserKey)).ToList();
        foreach (var recipient in fresh.Where(r => !string.IsNullOrWhiteSpace(r.Email)))
        {
            await mail.SendAsync(notice.ToMail(recipient), cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await notifications.AddAsync(fresh.Select(r => new Notification(r.UserKey, title, body, notice.DocumentKey, now)).ToList(), cancellationToken);
    }

    private static bool SameUser(string userName, string actorName) => string.Equals(userName, actorName, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No one can be told about document {DocumentKey}: no approver or administrator is a person other than the one who acted")]
    private static partial void LogNobodyToTell(ILogger logger, Guid documentKey);
}
