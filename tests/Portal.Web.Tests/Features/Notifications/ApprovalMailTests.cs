using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Core.Access;
using Portal.Core.Workflow;
using Portal.Data;
using Portal.Data.Access;
using Portal.Data.Users;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Tests.TestHost;

namespace Portal.Web.Tests.Features.Notifications;

/// <summary>The host as installed from a fresh clone: no SMTP server, so an approver's e-mail lands in the data folder's <c>mail/</c>.</summary>
public sealed class ApprovalMailTests
{
    private const string Unit = "/don-vi/so-khoa-hoc-va-cong-nghe/";

    [Fact]
    public async Task SendForApproval_NoSmtpConfigured_ApproverMailWrittenUnderDataDirectory()
    {
        var folder = TestServices.NewDataDirectory();
        try
        {
            await using var factory = new PortalFactory(folder, new Dictionary<string, string?>());
            using var client = factory.CreateClient();
            var services = factory.Services;
            var approver = await AddApproverAsync(services, "lanhdao.sokhcn", "Đỗ Thị Hoa", "unit-so-khoa-hoc-va-cong-nghe-approvers");
            var editor = Actor.System("bientap.sokhcn");
            var unit = services.GetRequiredService<PublishedRouteTree>().Resolve(Unit)!;
            var created = await services.GetRequiredService<ContentEditing>().CreateAsync("article", unit.Key, "Ứng dụng chữ ký số trong giải quyết hồ sơ",
                new Dictionary<string, string>
                {
                    ["title"] = "Ứng dụng chữ ký số trong giải quyết hồ sơ",
                    ["summary"] = "Sở Khoa học và Công nghệ triển khai chữ ký số.",
                    ["body"] = "<p>Nội dung chi tiết.</p>",
                    ["category"] = "[\"Tin tức\"]",
                }, editor);
            Assert.True(created.Succeeded, created.Status.ToString());

            var sent = await services.GetRequiredService<ContentApproval>().SendForApprovalAsync(created.DocumentKey!.Value, editor);

            Assert.True(sent.Succeeded, sent.Status.ToString());
            var file = Assert.Single(Directory.GetFiles(Path.Combine(folder, "mail"), "*.eml"));
            using var mail = await MimeMessage.LoadAsync(file);
            Assert.Equal("Bài chờ duyệt: Ứng dụng chữ ký số trong giải quyết hồ sơ", mail.Subject);
            Assert.Equal(["lanhdao.sokhcn@kontum.gov.vn"], mail.To.Mailboxes.Select(m => m.Address));
            await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            Assert.Equal("Bài chờ duyệt: Ứng dụng chữ ký số trong giải quyết hồ sơ",
                await db.Notifications.Where(n => n.UserKey == approver).Select(n => n.Title).SingleAsync());
        }
        finally
        {
            TestServices.DeleteQuietly(folder);
        }
    }

    private static async Task<Guid> AddApproverAsync(IServiceProvider services, string userName, string displayName, string groupAlias)
    {
        var user = new BackofficeUser
        {
            Id = Guid.NewGuid(),
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            Email = $"{userName}@kontum.gov.vn",
            NormalizedEmail = $"{userName}@kontum.gov.vn".ToUpperInvariant(),
            DisplayName = displayName,
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }

        var groups = services.GetRequiredService<UserGroupStore>();
        var group = (await groups.AllAsync(CancellationToken.None)).Single(g => g.Alias == groupAlias);
        await groups.SetGroupsAsync(user.Id, [group.Key], CancellationToken.None);
        return user.Id;
    }
}
