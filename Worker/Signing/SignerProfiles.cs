using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Pdf.Keys;

namespace Worker.Signing;

/// <summary>Opens the key of a configured signer profile (Worker:Signers:NAME); PKCS#12 today, a token later.</summary>
public sealed class SignerProfiles(IOptions<WorkerOptions> options, TimeProvider clock)
{
    /// <summary>The key, refused with a one-line reason when missing, locked with a wrong password, or expired.</summary>
    public Pkcs12DigestSigner Open(string name)
    {
        if (!options.Value.Signers.TryGetValue(name, out var profile))
            throw new SigningKeyException($"signer '{name}' is not configured under Worker:Signers");
        return Pkcs12DigestSigner.Open(profile.Pkcs12, profile.PasswordFile, now: clock.GetUtcNow());
    }
}
