using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Schema;
using Portal.Core.Workflow;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.Content;

/// <summary>Assembles the editor page for an existing document or a new one, from the values to show.</summary>
internal sealed class ContentEditorPages(ContentPageBuilder pages)
{
    public ISchemaCatalog Schema => pages.Schema;

    public async Task<EditorPage> ForDocumentAsync(Document document, Actor actor, string name, IReadOnlyDictionary<string, string> values,
        IReadOnlyList<FieldError> errors, CancellationToken cancellationToken)
    {
        var contentType = Schema.FindContentType(document.ContentTypeAlias)!;
        return new EditorPage
        {
            ContentType = contentType,
            Document = document,
            ParentKey = document.ParentKey,
            Name = name,
            Tabs = ContentForm.Build(contentType, Schema, values, ByField(errors),
                await pages.ChoicesAsync(ContentForm.UploadValues(contentType, Schema, values), cancellationToken)),
            TakesFiles = ContentForm.TakesFiles(contentType, Schema),
            Errors = Summary(errors, contentType),
            Permissions = ContentAccess.On(actor, document.Path),
            Tree = await pages.TreeAsync(actor, document, cancellationToken),
            Crumbs = await pages.CrumbsAsync(document, cancellationToken),
            ChildTypes = pages.ChildTypesOf(document.ContentTypeAlias),
            PublicUrl = document.Live is not null ? pages.PublicUrlOf(document.Key) : null,
            IsAdministrator = actor.IsAdministrator,
        };
    }

    public async Task<EditorPage> ForNewAsync(ContentType contentType, Document? parent, Actor actor, string name,
        IReadOnlyDictionary<string, string> values, IReadOnlyList<FieldError> errors, CancellationToken cancellationToken) => new()
    {
        ContentType = contentType,
        ParentKey = parent?.Key,
        Name = name,
        Tabs = ContentForm.Build(contentType, Schema, values, ByField(errors),
            await pages.ChoicesAsync(ContentForm.UploadValues(contentType, Schema, values), cancellationToken)),
        TakesFiles = ContentForm.TakesFiles(contentType, Schema),
        Errors = Summary(errors, contentType),
        Permissions = ContentAccess.On(actor, parent?.Path),
        Tree = await pages.TreeAsync(actor, parent, cancellationToken),
        Crumbs = parent is null ? [] : [.. await pages.CrumbsAsync(parent, cancellationToken), new Crumb(parent.Key, parent.Current.Name)],
        IsAdministrator = actor.IsAdministrator,
    };

    private static Dictionary<string, string> ByField(IReadOnlyList<FieldError> errors) =>
        errors.GroupBy(e => e.Field, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Message, StringComparer.OrdinalIgnoreCase);

    /// <summary>The error summary links each message to its input; messages that belong to no field link nowhere.</summary>
    private static List<FormError> Summary(IReadOnlyList<FieldError> errors, ContentType contentType) =>
        errors.Select(e => new FormError(
            e.Field == "name" ? "ten" : contentType.FindField(e.Field) is { } f ? "f-" + f.Alias : string.Empty,
            e.Field == "name" || contentType.FindField(e.Field) is null ? e.Message : $"{contentType.FindField(e.Field)!.Name}: {e.Message}"))
        .ToList();
}

/// <summary>The messages of the content section: outcomes after a redirect, and failures as errors for the summary.</summary>
internal static class ContentNotices
{
    public static string? Text(string? code) => code switch
    {
        "da-luu" => "Đã lưu bản nháp.",
        "da-tao" => "Đã tạo trang (bản nháp).",
        "da-tao-chua-gui" => "Đã tạo trang, nhưng chưa gửi duyệt hoặc xuất bản được. Hãy xem thông báo trên trang.",
        "da-gui-duyet" => "Đã lưu và gửi bản nháp cho người duyệt.",
        "da-xuat-ban" => "Đã xuất bản.",
        "da-duyet" => "Đã duyệt và xuất bản.",
        "da-tu-choi" => "Đã trả bản nháp về cho người viết kèm lý do.",
        "da-go" => "Đã gỡ xuất bản.",
        "da-hen-gio" => "Đã lưu lịch xuất bản.",
        "da-huy-nhap" => "Đã hủy bản nháp.",
        "da-bo-vao-thung-rac" => "Đã chuyển trang vào thùng rác.",
        "da-khoi-phuc" => "Đã khôi phục trang (chưa xuất bản).",
        "da-di-chuyen" => "Đã chuyển trang sang vị trí mới.",
        "da-sap-xep" => "Đã lưu thứ tự các trang con.",
        "da-khoi-phuc-phien-ban" => "Đã tạo bản nháp từ phiên bản cũ. Hãy kiểm tra rồi xuất bản.",
        "da-xem-xet" => "Đã ghi nhận việc xem xét lại.",
        "da-xoa-han" => "Đã xóa hẳn trang.",
        _ => null,
    };

    public static IReadOnlyList<FieldError> Errors(ContentOperationResult result) =>
        result.Errors is { Count: > 0 } errors ? errors : [new FieldError(string.Empty, result.Status.ToVietnamese())];
}
