using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Pdf.Keys;

namespace Worker.Signing;

/// <summary>
/// The keys of the configured signer profiles (Worker:Signers:NAME); PKCS#12 today, a token later. A key is loaded once
/// (opening PKCS#12 costs a key derivation) and again only when its file or password file changes, so an operator's fix
/// takes effect at the next signature without a restart.
/// </summary>
public sealed class SignerProfiles(IOptions<WorkerOptions> options, TimeProvider clock) : IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Loaded> loaded = new(StringComparer.Ordinal);

    private sealed record Loaded(FileStamp Pkcs12, FileStamp Password, Pkcs12DigestSigner Signer);

    private readonly record struct FileStamp(DateTime WrittenUtc, long Length)
    {
        public static FileStamp Of(string path)
        {
            var file = new FileInfo(path);
            return file.Exists ? new FileStamp(file.LastWriteTimeUtc, file.Length) : default;
        }
    }

    /// <summary>The key, refused with a one-line reason when missing, locked with a wrong password, or not valid now.</summary>
    public IDigestSigner Open(string name)
    {
        if (!options.Value.Signers.TryGetValue(name, out var profile))
            throw new SigningKeyException($"signer '{name}' is not configured under Worker:Signers");
        var now = clock.GetUtcNow();
        var pkcs12 = FileStamp.Of(profile.Pkcs12);
        var password = FileStamp.Of(profile.PasswordFile);
        lock (gate)
        {
            if (loaded.TryGetValue(name, out var cached) && cached.Pkcs12 == pkcs12 && cached.Password == password)
            {
                // Checked at every use: a cached certificate may have expired since it was loaded.
                Pkcs12DigestSigner.EnsureValidAt(cached.Signer.Chain[0], now);
                return cached.Signer;
            }
            var signer = Pkcs12DigestSigner.Open(profile.Pkcs12, profile.PasswordFile, now: now);
            // The replaced key is not disposed: a signature in progress may still hold it.
            loaded[name] = new Loaded(pkcs12, password, signer);
            return signer;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var l in loaded.Values) l.Signer.Dispose();
            loaded.Clear();
        }
    }
}
