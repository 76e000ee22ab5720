using Microsoft.Extensions.Options;
using Worker.Configuration;

namespace Worker.Signing.Csc;

/// <summary>Whether a CSC signer can sign now, without signing: token, credentials/info, and the certificate it names.</summary>
public sealed class CscReadiness(IHttpClientFactory http, IOptions<SigningOptions> signing, TimeProvider clock)
{
    /// <summary>Ready or not, and one line saying why.</summary>
    public async Task<(bool Ready, string Line)> CheckAsync(SignerOptions profile, CancellationToken ct)
    {
        try
        {
            var certificate = (await CscSigner.ClientFor(http, profile).CredentialAsync(ct)).Chain[0];
            if (CscSigner.ExpectedOf(profile).Mismatch(certificate) is { } mismatch)
                return (false, $"kredensial CSC bukan milik pejabat yang dikonfigurasi / the CSC credential is not the configured official's: {mismatch}");
            var left = new DateTimeOffset(certificate.NotAfter.ToUniversalTime()) - clock.GetUtcNow();
            if (left <= TimeSpan.Zero) return (false, $"sertifikat kedaluwarsa / the certificate expired on {certificate.NotAfter:yyyy-MM-dd}");
            return left <= signing.Value.CertificateWarning
                ? (true, $"siap, tetapi sertifikat berakhir dalam {(int)left.TotalDays} hari / ready, but the certificate expires in {(int)left.TotalDays} days")
                : (true, $"siap / ready: service answers, credential {profile.CredentialId} valid until {certificate.NotAfter:yyyy-MM-dd}");
        }
        catch (CscException e)
        {
            return (false, e.Message);
        }
    }
}
