namespace Worker.Web.Resources;

/// <summary>Marker type of the pages' texts: Pages.resx (Indonesian, the default) and Pages.en.resx (English).</summary>
public sealed class Pages;
