using Worker.Configuration;
using Worker.Persistence;
using Worker.Signing.Watch;

namespace Worker.Approval;

/// <summary>
/// The approval page's guard: a route whose signer failed its last check keeps taking documents, but no official is let
/// approve into a signing that would fail; the page says so and to try later.
/// </summary>
public sealed class SigningAvailability(SignerWatch watch, RouteBook routes)
{
    /// <summary>What the page says instead of the choice (Indonesian first).</summary>
    public const string Sentence =
        "Penandatanganan elektronik sedang tidak tersedia. Dokumen tetap menunggu persetujuan Anda; silakan coba lagi nanti. / " +
        "Electronic signing is unavailable right now. The document keeps waiting for your approval; please try again later.";

    /// <summary>True when a signer of the document's route cannot sign now.</summary>
    public bool Unavailable(TokenLookup lookup) =>
        lookup.Document is { } document && routes.Find(document.Route) is { } route
        && route.Approvers.Any(a => !watch.CanSign(a.Signer));
}
