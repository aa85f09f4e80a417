using Microsoft.AspNetCore.Mvc;

namespace Portal.Web.Features.Site;

/// <summary>Renders any live document at its tree URL with the view of its content type.</summary>
public sealed class SiteController : Controller
{
    [HttpGet("{**path}", Order = int.MaxValue)]
    public async Task<IActionResult> Render(string? path, [FromServices] SitePageBuilder pages, CancellationToken cancellationToken)
    {
        var built = await pages.BuildAsync(path ?? string.Empty, cancellationToken);
        if (built is not { } found)
        {
            return NotFound();
        }

        return View($"~/Features/Site/Views/{found.View}.cshtml", found.Page);
    }

    [HttpGet("/loi/{code:int}")]
    public IActionResult Error(int code)
    {
        Response.StatusCode = code is >= 400 and < 600 ? code : 500;
        return View("~/Features/Site/Views/error.cshtml", new ErrorModel(Response.StatusCode));
    }
}

public sealed record ErrorModel(int StatusCode)
{
    public string Title => StatusCode == 404 ? "Không tìm thấy trang" : "Đã có lỗi xảy ra";

    public string Message => StatusCode == 404
        ? "Trang bạn tìm không tồn tại hoặc đã được gỡ xuống. Hãy quay về trang chủ hoặc dùng mục tìm kiếm."
        : "Hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút.";
}
