using QRCoder;

namespace Worker.Pdf.Stamp;

/// <summary>A QR code as a PNG, for a signing service that draws the stamp image itself (BSrE's imageBase64).</summary>
public static class QrImage
{
    /// <summary>PNG of <paramref name="text"/> with error correction M, <paramref name="pixelsPerModule"/> pixels per module.</summary>
    public static byte[] Png(string text, int pixelsPerModule = 8)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }
}
