namespace Worker.Configuration;

/// <summary>Where the visible stamp goes, in points from the bottom-left of the page as the reader sees it.</summary>
public sealed class StampOptions
{
    /// <summary>"last", or a page number starting at 1.</summary>
    public string Page { get; set; } = "last";
    public double X { get; set; } = 360;
    public double Y { get; set; } = 40;
    public double Width { get; set; } = 200;
    public double Height { get; set; } = 80;
}
