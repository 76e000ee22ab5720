using System.Text.Json;
using Worker.Configuration;
using Worker.Pdf.Keys;
using Worker.Signing.Pkcs11;

namespace Worker.Signing.Keys;

/// <summary>
/// The one way to a signer's key (Worker:Signers:NAME), for the sign job, the signers check, the certificate-expiry check
/// and the command line: a PKCS#12 file or a key on a PKCS#11 token, opened once and again only when the signer's
/// configuration or one of its files changes, so an operator's fix takes effect at the next signature without a restart.
/// A PIN the token refused is not tried again until its file changes: tokens lock after a few wrong tries.
/// </summary>
public sealed class SignerKeys(SignerProfiles profiles, TimeProvider clock) : IDisposable, IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Loaded> loaded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Version, SigningKeyException Refusal)> refused = new(StringComparer.Ordinal);

    private sealed record Loaded(string Version, IDigestSigner Key);

    /// <summary>The key, refused with a one-line reason when it cannot be opened or its certificate is not valid now.</summary>
    public ValueTask<IDigestSigner> OpenAsync(string name, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (!profiles.TryGetValue(name, out var profile))
            throw new SigningKeyException($"signer '{name}' is not configured under Worker:Signers");
        var version = Version(profile);
        var now = clock.GetUtcNow();
        lock (gate)
        {
            if (loaded.TryGetValue(name, out var cached) && cached.Version == version)
            {
                // Checked at every use: a cached certificate may have expired since it was loaded.
                Pkcs12DigestSigner.EnsureValidAt(cached.Key.Chain[0], now);
                return ValueTask.FromResult(cached.Key);
            }
            if (refused.TryGetValue(name, out var earlier) && earlier.Version == version) throw earlier.Refusal;
            IDigestSigner key;
            try
            {
                key = Open(name, profile, now);
            }
            catch (SigningKeyException e) when (e.InnerException is Net.Pkcs11Interop.Common.Pkcs11Exception
                                                { RV: Net.Pkcs11Interop.Common.CKR.CKR_PIN_INCORRECT or Net.Pkcs11Interop.Common.CKR.CKR_PIN_LOCKED })
            {
                refused[name] = (version, e);
                throw;
            }
            refused.Remove(name);
            // The replaced key is not disposed: a signature in progress may still hold it.
            loaded[name] = new Loaded(version, key);
            return ValueTask.FromResult(key);
        }
    }

    /// <summary>Forgets the signer's key, so the next use opens it afresh (after a token came back).</summary>
    public void Forget(string name)
    {
        lock (gate) loaded.Remove(name);
    }

    private static IDigestSigner Open(string name, SignerOptions profile, DateTimeOffset now) => profile.Kind switch
    {
        SignerKinds.Pkcs12 => Pkcs12DigestSigner.Open(profile.Pkcs12, profile.PasswordFile, now: now),
        SignerKinds.Pkcs11 => Pkcs11Key.Open(name, profile.Pkcs11, now),
        _ => throw new SigningKeyException($"signer '{name}' ({profile.Kind}) holds no key in this worker"),
    };

    // What the key depends on: the configuration of its kind and the files it names (time written and length).
    private static string Version(SignerOptions profile)
    {
        var files = profile.Kind == SignerKinds.Pkcs11
            ? new[] { profile.Pkcs11.PinFile, profile.Pkcs11.CertificateFile, profile.Pkcs11.Library }
            : [profile.Pkcs12, profile.PasswordFile];
        var stamps = files.Select(f => f.Length > 0 && new FileInfo(f) is { Exists: true } i ? $"{i.LastWriteTimeUtc.Ticks}/{i.Length}" : "-");
        var settings = profile.Kind == SignerKinds.Pkcs11 ? JsonSerializer.Serialize(profile.Pkcs11) : profile.Pkcs12 + "|" + profile.PasswordFile;
        return $"{profile.Kind}|{settings}|{string.Join("|", stamps)}";
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var l in loaded.Values) (l.Key as IDisposable)?.Dispose();
            loaded.Clear();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
