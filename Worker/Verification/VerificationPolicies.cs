using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Pdf.Revocation;
using Worker.Pdf.Verification;

namespace Worker.Verification;

/// <summary>The verification policy of this worker: its trust anchors (Worker:Verification) and the online revocation check.</summary>
public sealed class VerificationPolicies(IOptions<VerificationOptions> verification, TrustAnchorSource anchors, IHttpClientFactory http)
{
    public const string HttpClientName = "revocation";

    /// <summary>The policy for one verification: anchors as configured now, revocation asked online unless turned off.</summary>
    public VerificationPolicy Current()
    {
        var settings = verification.Value;
        return new VerificationPolicy
        {
            TrustAnchors = anchors.Load(),
            Revocation = settings.CheckRevocationOnline
                ? new OnlineRevocationChecker(http.CreateClient(HttpClientName), settings.RevocationTimeout)
                : null,
        };
    }

    /// <summary>The anchor source for Worker:Verification:TrustAnchors, or the configured signers' roots when it is empty.</summary>
    public static TrustAnchorSource Anchors(WorkerOptions options) => new(
        options.Verification.TrustAnchors,
        options.Signers.Values.Where(s => s.Pkcs12.Length > 0 && s.PasswordFile.Length > 0).Select(s => (s.Pkcs12, s.PasswordFile)).ToList());
}
