using Worker.Configuration;
using Worker.Pdf.Stamp;

namespace Worker.Signing;

/// <summary>What a signing request's stamp says and where the route puts it: the same for our engine and for BSrE's picture.</summary>
public static class RequestStamp
{
    /// <summary>The TTE lines for the step that signs at <paramref name="now"/>, with the QR code to the document's verification page.</summary>
    public static StampContent Content(SigningRequest request, WorkerOptions options, DateTimeOffset now)
    {
        var step = request.Step;
        // Rank and NIP belong to the person who signs: a deputy's own from the step, else the approver configured with that email.
        var person = step.DeputyNip is not null ? null : options.Routes.SelectMany(r => r.Approvers)
            .FirstOrDefault(a => string.Equals(a.Email, step.Email, StringComparison.OrdinalIgnoreCase) && (a.Nip.Length > 0 || a.Rank.Length > 0));
        var zone = options.OfficeHours.Zone();
        return new StampContent
        {
            SignerName = step.Name, Position = step.JobTitle, SignedAt = now, TimeZone = zone, TimeZoneLabel = OfficeTime.Label(now, zone),
            Office = request.Stamp.Office, Rank = step.DeputyRank ?? person?.Rank, Nip = step.DeputyNip ?? person?.Nip,
            VerifyUrl = VerifyLink.For(options.PublicBaseUrl, request.DocumentId),
        };
    }

    /// <summary>The route's fixed position or its anchor, the footnote, and how many stamps of the document came before.</summary>
    public static StampPlacement Placement(SigningRequest request)
    {
        var stamp = request.Stamp;
        return new StampPlacement
        {
            PageIndex = stamp.Page.Number - 1,
            X = stamp.X, Y = stamp.Y, Width = stamp.Width, Height = stamp.Height,
            Anchor = stamp.Anchor, Footnote = stamp.Footnote, Stacked = request.StampIndex,
        };
    }
}
