using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Approval;

/// <summary>
/// GET /approve/pages/{document}/{page}.jpg: one page image, only for the browser granted it by that document's open approval
/// page (<see cref="ApprovalPageAccess"/>), re-checked against the link on every request; anything else is a bare 404.
/// </summary>
public static class ApprovalPageImageEndpoint
{
    public static async Task<Results<PhysicalFileHttpResult, ContentHttpResult, NotFound>> GetAsync(Guid id, int page, HttpContext http,
        ApprovalPageAccess access, ApprovalPageImages images, ApprovalStore store, IOptions<ApprovalOptions> approval, TimeProvider clock, CancellationToken ct)
    {
        if (access.TokenHashFor(http, id) is not { } tokenSha256) return TypedResults.NotFound();
        var (status, lookup) = await ApprovalEndpoints.LookupHashAsync(tokenSha256, store, clock, ct);
        if (status != LinkStatus.Active || lookup.Document is not { } document || document.Id != id) return TypedResults.NotFound();
        if (page < 1 || page > Math.Min(Math.Max(document.PageCount ?? 1, 1), approval.Value.PreviewMaxPages)) return TypedResults.NotFound();

        // Only this browser may keep it, and only in memory (the page's own no-store stands for the HTML).
        http.Response.Headers.CacheControl = "private, no-store";
        if (await images.PageAsync(document, page, ct) is { } path) return TypedResults.PhysicalFile(path, "image/jpeg");
        return TypedResults.Content(FailedImage(ApprovalTexts.For(lookup.Step!.Language).PreviewFailed), "image/svg+xml; charset=utf-8");
    }

    // A page that cannot be drawn shows the plain sentence in its place (presentation attributes only: the CSP allows no style).
    private static string FailedImage(string sentence)
    {
        var lines = new List<string> { "" };
        foreach (var word in sentence.Split(' '))
            if (lines[^1].Length + word.Length < 44) lines[^1] = (lines[^1] + " " + word).TrimStart();
            else lines.Add(word);
        var w = ApprovalPageImages.WidthPixels;
        var h = 48 + 40 * lines.Count;
        var text = string.Concat(lines.Select((l, i) => $"<text x=\"24\" y=\"{56 + 40 * i}\">{WebUtility.HtmlEncode(l)}</text>"));
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"sans-serif\" font-size=\"30\" fill=\"#b42318\">" +
               $"<rect width=\"{w}\" height=\"{h}\" fill=\"#fdecea\"/>{text}</svg>";
    }
}
