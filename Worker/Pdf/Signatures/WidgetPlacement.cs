using Worker.Pdf.Reading;

namespace Worker.Pdf.Signatures;

/// <summary>A widget rectangle in unrotated page space and the form matrix that keeps its drawing upright.</summary>
public sealed record WidgetPlacement
{
    /// <summary>The annotation /Rect in default (unrotated) user space, inside the CropBox.</summary>
    public required PdfBox Rect { get; init; }

    /// <summary>Width of the upright drawing box (the visible width, after clamping to the page).</summary>
    public required double Width { get; init; }

    /// <summary>Height of the upright drawing box.</summary>
    public required double Height { get; init; }

    /// <summary>The appearance's /Matrix: turns the drawing against the page's /Rotate.</summary>
    public required double[] Matrix { get; init; }

    /// <summary>
    /// Maps a rectangle given as the reader sees the page (origin bottom-left of the rotated, cropped page)
    /// to unrotated user space. A rectangle reaching past the page is moved, then shrunk, to fit inside it.
    /// </summary>
    public static WidgetPlacement For(PageInfo page, double x, double y, double width, double height)
    {
        if (width <= 0 || height <= 0)
            throw new ArgumentException("the stamp rectangle needs a positive width and height");
        var crop = page.CropBox;
        var swaps = page.Rotate is 90 or 270;
        var (visibleWidth, visibleHeight) = swaps ? (crop.Height, crop.Width) : (crop.Width, crop.Height);
        var w = Math.Min(width, visibleWidth);
        var h = Math.Min(height, visibleHeight);
        var vx = Math.Clamp(x, 0, visibleWidth - w);
        var vy = Math.Clamp(y, 0, visibleHeight - h);
        var (ax, ay) = ToUnrotated(page.Rotate, crop, vx, vy);
        var (bx, by) = ToUnrotated(page.Rotate, crop, vx + w, vy + h);
        return new WidgetPlacement
        {
            Rect = PdfBox.FromCorners(crop.Left + ax, crop.Bottom + ay, crop.Left + bx, crop.Bottom + by),
            Width = w,
            Height = h,
            // Rotate the drawing counter-clockwise by /Rotate; the viewer turns the page clockwise by the same.
            Matrix = page.Rotate switch
            {
                90 => [0, 1, -1, 0, 0, 0],
                180 => [-1, 0, 0, -1, 0, 0],
                270 => [0, -1, 1, 0, 0, 0],
                _ => [1, 0, 0, 1, 0, 0],
            },
        };
    }

    // Visible (rotated) offsets to offsets from the CropBox's lower-left corner in unrotated space.
    private static (double A, double B) ToUnrotated(int rotate, PdfBox crop, double vx, double vy) => rotate switch
    {
        90 => (crop.Width - vy, vx),
        180 => (crop.Width - vx, crop.Height - vy),
        270 => (vy, crop.Height - vx),
        _ => (vx, vy),
    };
}
