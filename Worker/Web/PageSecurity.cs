namespace Worker.Web;

/// <summary>The content security policy of a phone page: its one style element by nonce, images from this origin, no script.</summary>
public static class PageSecurity
{
    /// <summary>The policy of an HTML page whose only style element carries <paramref name="nonce"/>.</summary>
    public static string PolicyFor(string nonce) =>
        $"default-src 'none'; style-src 'nonce-{nonce}'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
}
