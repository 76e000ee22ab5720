using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Notifications;
using Worker.Pdf.Keys;
using Worker.Signing.Keys;

namespace Worker.Signing;

/// <summary>Warns operators (log and email) when a configured signer certificate expires within Worker:Signing:CertificateWarning.</summary>
public sealed partial class CertificateExpiryCheck(
    SignerKeys keys, SignerProfiles profiles, IOptions<SigningOptions> signing, IOptions<MailOptions> mailOptions,
    IMailSender mail, MailComposer composer, TimeProvider clock, ILogger<CertificateExpiryCheck> logger)
{
    /// <summary>One line per signer that needs attention; empty when all are fine.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var warnings = new List<string>();
        foreach (var (name, signer) in profiles)
        {
            // BSrE holds a remote signer's certificate; the signers check asks the service for its status.
            if (signer.Kind is not (SignerKinds.Pkcs12 or SignerKinds.Pkcs11)) continue;
            var problem = await CheckAsync(name, now, signing.Value.CertificateWarning, ct);
            if (problem is null) continue;
            warnings.Add(problem);
            LogWarning(problem);
        }
        if (warnings.Count > 0 && mailOptions.Value.Operators.Count > 0)
        {
            var text = "Sertifikat penanda tangan perlu diperhatikan / Signer certificates need attention:\n\n" + string.Join("\n", warnings);
            var content = new MailContent
            {
                Subject = "Sertifikat akan kedaluwarsa / Certificate expiring",
                Text = text,
                Html = $"<pre>{System.Net.WebUtility.HtmlEncode(text)}</pre>",
            };
            await using var batch = await mail.OpenBatchAsync(ct);
            foreach (var to in mailOptions.Value.Operators) await batch.SendAsync(composer.Compose(content, to), ct);
        }
        return warnings;
    }

    private async Task<string?> CheckAsync(string name, DateTimeOffset now, TimeSpan warning, CancellationToken ct)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = (await keys.OpenAsync(name, ct)).Chain[0];
        }
        catch (SigningKeyException e) when (e.Message.Contains(" expired on ", StringComparison.Ordinal))
        {
            return $"signer '{name}': certificate EXPIRED ({e.Message}); signing with it is refused";
        }
        catch (SigningKeyException e)
        {
            return $"signer '{name}': cannot open its key: {e.Message}";
        }
        var expires = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        if (expires <= now) return $"signer '{name}' ({certificate.GetNameInfo(X509NameType.SimpleName, false)}): certificate EXPIRED on {expires:yyyy-MM-dd}; signing with it is refused";
        if (expires - now <= warning)
            return $"signer '{name}' ({certificate.GetNameInfo(X509NameType.SimpleName, false)}): certificate expires on {expires:yyyy-MM-dd}, in {(int)(expires - now).TotalDays} days; ask BSSN for a new one";
        return null;
    }

    [LoggerMessage(LogLevel.Warning, "Certificate check: {Problem}")]
    private partial void LogWarning(string problem);
}
