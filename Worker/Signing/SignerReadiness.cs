using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Pdf.Keys;
using Worker.Pdf.Verification;
using Worker.Signing.Keys;
using Worker.Signing.Bsre;

namespace Worker.Signing;

/// <summary>
/// Whether each configured signer can sign now: a local key (PKCS#12 or token) opens, makes a test signature over a random
/// digest that its certificate verifies, the certificate is valid and its chain complete; a BSrE signer's service answers
/// with our client credentials and the official's certificate is ISSUE; a CSC signer's service describes the credential,
/// whose certificate is the configured official's (nothing is signed remotely).
/// </summary>
public sealed class SignerReadiness(SignerKeys keys, BsreSigner bsre, Csc.CscReadiness csc, TrustAnchorSource trust, SignerProfiles profiles,
    IOptions<SigningOptions> signing, TimeProvider clock)
{
    /// <summary>One result per signer (or only <paramref name="name"/>), in configuration order.</summary>
    public async Task<IReadOnlyList<(string Name, bool Ready, string Line)>> CheckAsync(string? name, CancellationToken ct)
    {
        var results = new List<(string, bool, string)>();
        foreach (var (signer, profile) in profiles.Where(s => name is null || s.Key == name))
        {
            var (ready, line) = profile.Kind switch
            {
                SignerKinds.Bsre => await RemoteAsync(profile, ct),
                SignerKinds.Csc => await csc.CheckAsync(profile, ct),
                _ => await LocalAsync(signer, profile, ct),
            };
            results.Add((signer, ready, $"{signer} ({profile.Kind}): {line}"));
        }
        return results;
    }

    private async Task<(bool, string)> LocalAsync(string name, SignerOptions profile, CancellationToken ct)
    {
        try
        {
            if (profile.Kind == SignerKinds.Pkcs11)
            {
                // A fresh look at the token: some modules (SoftHSM2) keep a token in memory after it went away.
                keys.Forget(name);
                Pkcs11.Pkcs11Key.ReloadModule(profile.Pkcs11.Library);
            }
            var key = await keys.OpenAsync(name, ct);
            var certificate = key.Chain[0];
            if (!await TestSignature.VerifiesAsync(key, ct))
                return (false, "tanda tangan uji tidak cocok dengan sertifikat / the test signature does not verify with the certificate (wrong certificate for the key?)");
            if (TestSignature.MissingIssuer(key.Chain, trust.Load()) is { } missing)
                return (false, $"rantai sertifikat tidak lengkap / certificate chain incomplete: no issuer '{missing}' (add it to the key's file or Worker:Verification:TrustAnchors)");
            var left = new DateTimeOffset(certificate.NotAfter.ToUniversalTime()) - clock.GetUtcNow();
            return left <= signing.Value.CertificateWarning
                ? (true, $"siap, tetapi sertifikat berakhir dalam {(int)left.TotalDays} hari / ready, but the certificate expires in {(int)left.TotalDays} days")
                : (true, $"siap / ready (test signature verified, certificate valid until {certificate.NotAfter:yyyy-MM-dd})");
        }
        catch (SigningKeyException e)
        {
            return (false, e.Message);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            return (false, $"kunci tidak dapat menandatangani / the key cannot sign: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    private async Task<(bool, string)> RemoteAsync(SignerOptions profile, CancellationToken ct)
    {
        try
        {
            var status = await bsre.Client(profile).CheckStatusAsync(BsreIdentity.Of(profile), ct);
            var plain = profile.Bsre.Url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? " (peringatan: http tanpa TLS / warning: plain http)" : "";
            return status.CanSign
                ? (true, $"siap / ready: service answers, certificate {status.Status}{plain}")
                : (false, $"sertifikat tidak dapat dipakai / certificate cannot sign: {status.Status} {status.Message}".TrimEnd());
        }
        catch (BsreException e)
        {
            return (false, e.Message);
        }
        catch (IOException e)
        {
            return (false, $"cannot read Bsre:UserFile or Bsre:PasswordFile: {e.Message}");
        }
    }
}
