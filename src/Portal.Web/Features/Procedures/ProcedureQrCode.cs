using QRCoder;

namespace Portal.Web.Features.Procedures;

/// <summary>The print view's QR code: the page's absolute URL as inline SVG, sharp at any printer resolution.</summary>
internal static class ProcedureQrCode
{
    public static string Svg(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var code = new SvgQRCode(data);
        return code.GetGraphic(4);
    }
}
