using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Pdf.Keys;
using Worker.Signing.Bsre;

namespace Worker.Signing;

/// <summary>
/// Whether each configured signer can sign now, without signing: a local key opens and is not near expiry; a BSrE
/// signer's service answers with our client credentials and the official's certificate is ISSUE.
/// </summary>
public sealed class SignerReadiness(SignerProfiles keys, BsreSigner bsre, IOptions<WorkerOptions> options, TimeProvider clock)
{
    /// <summary>One result per signer (or only <paramref name="name"/>), in configuration order.</summary>
    public async Task<IReadOnlyList<(string Name, bool Ready, string Line)>> CheckAsync(string? name, CancellationToken ct)
    {
        var results = new List<(string, bool, string)>();
        foreach (var (signer, profile) in options.Value.Signers.Where(s => name is null || s.Key == name))
        {
            var (ready, line) = profile.Kind == SignerKinds.Bsre ? await RemoteAsync(profile, ct) : Local(signer);
            results.Add((signer, ready, $"{signer} ({profile.Kind}): {line}"));
        }
        return results;
    }

    private (bool, string) Local(string name)
    {
        try
        {
            var certificate = keys.Open(name).Chain[0];
            var left = new DateTimeOffset(certificate.NotAfter.ToUniversalTime()) - clock.GetUtcNow();
            return left <= options.Value.Signing.CertificateWarning
                ? (true, $"siap, tetapi sertifikat berakhir dalam {(int)left.TotalDays} hari / ready, but the certificate expires in {(int)left.TotalDays} days")
                : (true, $"siap / ready (key opens, certificate valid until {certificate.NotAfter:yyyy-MM-dd})");
        }
        catch (SigningKeyException e)
        {
            return (false, e.Message);
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
