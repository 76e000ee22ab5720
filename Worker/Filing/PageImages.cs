namespace Worker.Filing;

/// <summary>Where the first-page image of a filed document lives: beside its original in the data directory's content store.</summary>
public static class PageImages
{
    /// <summary>Width in pixels: twice a phone's 390 CSS pixels, so the letter stays sharp on a high-density screen.</summary>
    public const int WidthPixels = 780;

    /// <summary>The PNG of document <paramref name="id"/>'s first page (it may not exist yet, or ever, if rendering failed).</summary>
    public static string PathFor(string dataDirectory, Guid id) =>
        Path.Combine(Path.GetFullPath(dataDirectory), "content", $"{id}.page1.png");
}
