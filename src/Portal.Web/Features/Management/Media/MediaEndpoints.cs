using System.Globalization;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using Portal.Core.Access;
using Portal.Core.Media;
using Portal.Data.Media;
using Portal.Web.Features.Management.Documents;
using Portal.Web.Features.Media;

namespace Portal.Web.Features.Management.Media;

/// <summary>
/// The media library through the Management API: upload (multipart), read, change details, replace the file, delete,
/// create folders, and the media tree. Handlers only translate: <see cref="MediaLibrary"/> checks the section and the
/// rules, and every expected failure goes through <see cref="MediaProblems"/>.
/// </summary>
internal static class MediaEndpoints
{
    private const int DefaultTake = 100;

    public static RouteGroupBuilder MapMediaEndpoints(this RouteGroupBuilder group)
    {
        // The multipart endpoints declare no Accepts metadata: routing would refuse another content type with a bare
        // status before the handler could say in Vietnamese what the request lacks.
        var media = group.MapGroup("/media").WithTags("Media");
        media.MapPost("/", UploadAsync).WithName("PostMedia")
            .WithSummary("Uploads a file (multipart/form-data: file, name, altText, parentId, focalPoint \"0.5,0.5\"); an image needs altText.")
            .Produces(StatusCodes.Status201Created);
        media.MapPost("/folder", CreateFolderAsync).WithName("PostMediaFolder").WithSummary("Creates a media folder.")
            .Accepts<CreateMediaFolderRequest>("application/json").Produces(StatusCodes.Status201Created);
        media.MapGet("/{id:guid}", GetAsync).WithName("GetMediaById").WithSummary("A media item as its editor sees it; ETag is its version.")
            .Produces<MediaResponse>();
        media.MapPut("/{id:guid}", UpdateAsync).WithName("PutMediaById")
            .WithSummary("Changes the name, alt text (altText) and focal point (umbracoFile.focalPoint); If-Match with an older version answers 409.")
            .Accepts<UpdateMediaRequest>("application/json").Produces(StatusCodes.Status200OK);
        media.MapPut("/{id:guid}/file", ReplaceAsync).WithName("PutMediaFileById")
            .WithSummary("Replaces the file (multipart/form-data: file) under the same id and URL folder.")
            .Produces(StatusCodes.Status200OK);
        media.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteMediaById").WithSummary("Deletes a file and its item, or an empty folder.")
            .Produces(StatusCodes.Status200OK);

        var tree = group.MapGroup("/tree/media").WithTags("Media");
        tree.MapGet("/root", TreeRootAsync).WithName("GetTreeMediaRoot").WithSummary("The top of the media tree: folders first.")
            .Produces<PagedResponse<MediaTreeItem>>();
        tree.MapGet("/children", TreeChildrenAsync).WithName("GetTreeMediaChildren").WithSummary("The children of a media folder.")
            .Produces<PagedResponse<MediaTreeItem>>();
        return group;
    }

    private static async Task<IResult> UploadAsync(HttpContext http, MediaLibrary library)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        // Refused before a byte of the body is read: neither the section check nor a too-large upload needs the file.
        if (!actor.AllowsSection(Section.Media))
        {
            return MediaProblems.For(MediaOperationStatus.Forbidden, library.MaxUploadBytes);
        }

        var (form, problem) = await ReadFormAsync(http, library.MaxUploadBytes);
        if (form is null)
        {
            return problem!;
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return ManagementRequests.Malformed("Thiếu trường file: tệp cần tải lên.");
        }

        if (!TryGuid(form["parentId"], "parentId", out var parentId, out problem))
        {
            return problem!;
        }

        FocalPoint? focalPoint = null;
        var focalText = form["focalPoint"].ToString();
        if (!string.IsNullOrWhiteSpace(focalText))
        {
            if (!FocalPoint.TryParse(focalText, out var parsed))
            {
                return MediaProblems.For(MediaOperationStatus.InvalidFocalPoint, library.MaxUploadBytes);
            }

            focalPoint = parsed;
        }

        await using var content = file.OpenReadStream();
        var result = await library.UploadAsync(new MediaFile(content, file.FileName), form["name"].ToString(), form["altText"].ToString(),
            parentId, focalPoint, actor, http.RequestAborted);
        return result.Succeeded ? Created(http, result.Key!.Value) : MediaProblems.For(result.Status, library.MaxUploadBytes);
    }

    private static async Task<IResult> CreateFolderAsync(HttpContext http, MediaLibrary library)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        var (body, malformed) = await ManagementRequests.ReadAsync<CreateMediaFolderRequest>(http);
        if (body is null)
        {
            return malformed!;
        }

        var result = await library.CreateFolderAsync(body.Name ?? string.Empty, body.Parent?.Id, actor, http.RequestAborted);
        return result.Succeeded ? Created(http, result.Key!.Value) : MediaProblems.For(result.Status, library.MaxUploadBytes);
    }

    private static async Task<IResult> GetAsync(HttpContext http, Guid id, MediaItemStore items, MediaLibrary library)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        if (!actor.AllowsSection(Section.Media))
        {
            return MediaProblems.For(MediaOperationStatus.Forbidden, library.MaxUploadBytes);
        }

        if (await items.FindAsync(id, http.RequestAborted) is not { } item)
        {
            return MediaProblems.For(MediaOperationStatus.NotFound, library.MaxUploadBytes);
        }

        http.Response.Headers.ETag = ManagementRequests.ETagOf(item.Version);
        return TypedResults.Ok(MediaResponses.Item(item));
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, Guid id, MediaItemStore items, MediaLibrary library)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        if (!ManagementRequests.TryExpectedVersion(http, out var expectedVersion))
        {
            return ManagementRequests.Malformed("If-Match phải là phiên bản (ETag) nhận được từ GET /media/{id}, ví dụ \"3\".");
        }

        var (body, malformed) = await ManagementRequests.ReadAsync<UpdateMediaRequest>(http);
        if (body is null)
        {
            return malformed!;
        }

        if (!actor.AllowsSection(Section.Media))
        {
            return MediaProblems.For(MediaOperationStatus.Forbidden, library.MaxUploadBytes);
        }

        if (await items.FindAsync(id, http.RequestAborted) is not { } item)
        {
            return MediaProblems.For(MediaOperationStatus.NotFound, library.MaxUploadBytes);
        }

        // What the body leaves out stays as it is, as when the backoffice sends back only what changed.
        var name = body.Variants?.FirstOrDefault()?.Name ?? item.Name;
        var altText = item.AltText;
        var focalPoint = item.FocalPoint;
        foreach (var value in body.Values ?? [])
        {
            switch (value.Alias)
            {
                case MediaPropertyAliases.AltText:
                    if (value.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null or JsonValueKind.Undefined))
                    {
                        return ManagementRequests.Malformed("altText phải là một chuỗi.");
                    }

                    altText = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() : null;
                    break;
                case MediaPropertyAliases.File:
                    if (!TryFocalPoint(value.Value, ref focalPoint))
                    {
                        return MediaProblems.For(MediaOperationStatus.InvalidFocalPoint, library.MaxUploadBytes);
                    }

                    break;
            }
        }

        var result = await library.SetDetailsAsync(id, name, altText, focalPoint, actor, expectedVersion, http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok() : MediaProblems.For(result.Status, library.MaxUploadBytes);
    }

    private static async Task<IResult> ReplaceAsync(HttpContext http, Guid id, MediaLibrary library)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        if (!ManagementRequests.TryExpectedVersion(http, out var expectedVersion))
        {
            return ManagementRequests.Malformed("If-Match phải là phiên bản (ETag) nhận được từ GET /media/{id}, ví dụ \"3\".");
        }

        if (!actor.AllowsSection(Section.Media))
        {
            return MediaProblems.For(MediaOperationStatus.Forbidden, library.MaxUploadBytes);
        }

        var (form, problem) = await ReadFormAsync(http, library.MaxUploadBytes);
        if (form is null)
        {
            return problem!;
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return ManagementRequests.Malformed("Thiếu trường file: tệp thay thế.");
        }

        await using var content = file.OpenReadStream();
        var result = await library.ReplaceAsync(id, new MediaFile(content, file.FileName), actor, expectedVersion, http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok() : MediaProblems.For(result.Status, library.MaxUploadBytes);
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, Guid id, MediaLibrary library)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        var result = await library.DeleteAsync(id, actor, http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok() : MediaProblems.For(result.Status, library.MaxUploadBytes);
    }

    private static Task<IResult> TreeRootAsync(HttpContext http, MediaItemStore items, MediaLibrary library) =>
        TreeAsync(http, null, items, library);

    private static async Task<IResult> TreeChildrenAsync(HttpContext http, MediaItemStore items, MediaLibrary library)
    {
        if (!ManagementRequests.TryGuid(http, "parentId", out var parentId, out var problem))
        {
            return problem!;
        }

        return await TreeAsync(http, parentId, items, library);
    }

    private static async Task<IResult> TreeAsync(HttpContext http, Guid? parentId, MediaItemStore items, MediaLibrary library)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        if (!ManagementRequests.TryPaging(http, DefaultTake, out var skip, out var take, out var problem))
        {
            return problem!;
        }

        if (!actor.AllowsSection(Section.Media))
        {
            return MediaProblems.For(MediaOperationStatus.Forbidden, library.MaxUploadBytes);
        }

        if (parentId is { } parent && await items.FindAsync(parent, http.RequestAborted) is null)
        {
            return MediaProblems.For(MediaOperationStatus.NotFound, library.MaxUploadBytes);
        }

        var (total, page) = await items.ChildrenPageAsync(parentId, skip, take, http.RequestAborted);
        var folders = page.Where(i => i.IsFolder).Select(i => i.Key).ToList();
        var withChildren = folders.Count == 0 ? new HashSet<Guid>() : await items.WithChildrenAsync(folders, http.RequestAborted);
        return TypedResults.Ok(new PagedResponse<MediaTreeItem>(total, page.Select(i => MediaResponses.TreeItem(i, withChildren.Contains(i.Key))).ToList()));
    }

    /// <summary>
    /// Reads the multipart form with limits sized to the library's: a body announced as too large is refused with 413
    /// before it is read, and Kestrel stops one that grows past the limit without announcing it.
    /// </summary>
    private static async Task<(IFormCollection? Form, IResult? Problem)> ReadFormAsync(HttpContext http, long maxUploadBytes)
    {
        var request = http.Request;
        if (!request.HasFormContentType || !MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ManagementRequests.Malformed("Yêu cầu phải là multipart/form-data, với tệp trong trường file."));
        }

        if (MediaUploadLimits.AnnouncedTooLarge(request, maxUploadBytes))
        {
            return (null, MediaProblems.For(MediaOperationStatus.FileTooLarge, maxUploadBytes));
        }

        try
        {
            var form = await request.ReadFormAsync(MediaUploadLimits.Apply(http, maxUploadBytes), http.RequestAborted);
            return (form, null);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, MediaProblems.For(MediaOperationStatus.FileTooLarge, maxUploadBytes));
        }
        catch (InvalidDataException)
        {
            return (null, ManagementRequests.Malformed("Nội dung multipart/form-data không đọc được."));
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Created Created(HttpContext http, Guid key)
    {
        http.Response.Headers["Umb-Generated-Resource"] = key.ToString();
        return TypedResults.Created($"{ManagementApi.BasePath}/media/{key}");
    }

    private static bool TryGuid(Microsoft.Extensions.Primitives.StringValues raw, string name, out Guid? value, out IResult? problem)
    {
        value = null;
        problem = null;
        var text = raw.ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Guid.TryParse(text, out var parsed))
        {
            value = parsed;
            return true;
        }

        problem = ManagementRequests.Malformed($"Trường {name} phải là một mã định danh (GUID).");
        return false;
    }

    /// <summary>The focal point inside an <c>umbracoFile</c> value (<c>{"focalPoint": {"left": 0.3, "top": 0.6}}</c>); absent keeps the current one.</summary>
    private static bool TryFocalPoint(JsonElement value, ref FocalPoint focalPoint)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("focalPoint", out var point) || point.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (point.ValueKind != JsonValueKind.Object
            || !point.TryGetProperty("left", out var left) || left.ValueKind != JsonValueKind.Number
            || !point.TryGetProperty("top", out var top) || top.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        focalPoint = new FocalPoint(left.GetDouble(), top.GetDouble());
        return focalPoint.IsValid;
    }
}
