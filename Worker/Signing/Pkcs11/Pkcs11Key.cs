using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using Worker.Configuration;
using Worker.Pdf.Keys;
using ISession = Net.Pkcs11Interop.HighLevelAPI.ISession;

namespace Worker.Signing.Pkcs11;

/// <summary>
/// A signer's private key on a token or HSM (Kind Pkcs11). Sessions are pooled and logged in once; when the token goes
/// away (removed, module restarted) the module is reloaded and the call tried once more. The PIN stays in memory only.
/// </summary>
public sealed class Pkcs11Key : IDigestSigner, IDisposable
{
    private readonly string name;
    private readonly Pkcs11Options options;
    private readonly string pin;
    private readonly Pkcs11Module module;
    private readonly ConcurrentBag<Pooled> idle = [];
    private bool alwaysAuthenticate;

    private sealed record Pooled(ISession Session, IObjectHandle Key, int Generation);

    private Pkcs11Key(string name, Pkcs11Options options, string pin)
    {
        this.name = name;
        this.options = options;
        this.pin = pin;
        module = Pkcs11Module.For(options.Library);
    }

    /// <inheritdoc />
    public IReadOnlyList<X509Certificate2> Chain { get; private set; } = [];

    /// <inheritdoc />
    public SignatureScheme Scheme { get; private set; }

    /// <inheritdoc />
    public int MaxSignatureLength { get; private set; }

    /// <summary>Logs in, finds the key and its certificate; refuses with one line naming the signer.</summary>
    public static Pkcs11Key Open(string name, Pkcs11Options options, DateTimeOffset now)
    {
        if (!File.Exists(options.PinFile)) throw new SigningKeyException($"signer '{name}': PIN file not found: {options.PinFile}");
        // One trailing newline is what editors and `echo` add; it is not part of the PIN.
        var key = new Pkcs11Key(name, options, File.ReadAllText(options.PinFile).TrimEnd('\r', '\n'));
        try
        {
            key.Describe(now);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public Task<byte[]> SignDigestAsync(byte[] digest, HashAlgorithmName hash, CancellationToken cancellationToken)
    {
        var mechanism = Pkcs11Mechanisms.For(Scheme, hash);
        var input = Pkcs11Mechanisms.Input(Scheme, digest, hash);
        // CKA_ALWAYS_AUTHENTICATE: the PIN again right after C_SignInit, for this one signature.
        var value = Attempt((session, key) => alwaysAuthenticate ? session.Sign(mechanism, key, pin, input) : session.Sign(mechanism, key, input));
        return Task.FromResult(Pkcs11Mechanisms.Output(Scheme, value));
    }

    /// <summary>
    /// Finalises and reloads the module, so the next call sees the tokens as they are now: some modules (SoftHSM2) keep a
    /// token in memory after its storage went away. The signers check does this before its test signature.
    /// </summary>
    public static void ReloadModule(string library)
    {
        var module = Pkcs11Module.For(library);
        module.Reload(module.Generation);
    }

    private void Describe(DateTimeOffset now)
    {
        var (type, always, id, certificates) = Attempt((session, key) =>
        {
            var attributes = session.GetAttributeValue(key, [CKA.CKA_KEY_TYPE, CKA.CKA_ALWAYS_AUTHENTICATE, CKA.CKA_ID]);
            var all = session.FindAllObjects([Attribute(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE)])
                .Select(c => session.GetAttributeValue(c, [CKA.CKA_ID, CKA.CKA_LABEL, CKA.CKA_VALUE]))
                .Select(a => (Id: a[0].GetValueAsByteArray() ?? [], Label: a[1].GetValueAsString() ?? "", Der: a[2].GetValueAsByteArray() ?? []))
                .ToList();
            return (attributes[0].GetValueAsUlong(), !attributes[1].CannotBeRead && attributes[1].GetValueAsBool(),
                attributes[2].GetValueAsByteArray() ?? [], all);
        });
        alwaysAuthenticate = always;
        var pool = certificates.Select(c => X509CertificateLoader.LoadCertificate(c.Der)).ToList();
        X509Certificate2 signer;
        if (options.CertificateFile.Length > 0)
        {
            var file = new X509Certificate2Collection();
            file.ImportFromPemFile(options.CertificateFile);
            signer = file.Count > 0 ? file[0] : throw new SigningKeyException($"signer '{name}': {options.CertificateFile} holds no certificate");
            pool.AddRange(file.Skip(1));
        }
        else
        {
            // The certificate that belongs to a key shares its CKA_ID (or, on tokens written by hand, its label).
            var match = certificates.FindIndex(c => id.Length > 0 && c.Id.AsSpan().SequenceEqual(id));
            if (match < 0 && options.KeyLabel.Length > 0) match = certificates.FindIndex(c => c.Label == options.KeyLabel);
            signer = match >= 0 ? pool[match]
                : throw new SigningKeyException($"signer '{name}': no certificate for the key on token {TokenName}; put it on the token or set Pkcs11:CertificateFile");
        }
        Pkcs12DigestSigner.EnsureValidAt(signer, now);
        (Scheme, MaxSignatureLength) = type switch
        {
            (ulong)CKK.CKK_RSA => (options.RsaPss ? SignatureScheme.RsaPss : SignatureScheme.RsaPkcs1,
                ((signer.GetRSAPublicKey()?.KeySize ?? throw Mismatch()) + 7) / 8),
            // DER SEQUENCE of two INTEGERs, each at most one byte longer than the field size.
            (ulong)CKK.CKK_EC => (SignatureScheme.Ecdsa, 2 * (((signer.GetECDsaPublicKey()?.KeySize ?? throw Mismatch()) + 7) / 8 + 3) + 3),
            _ => throw new SigningKeyException($"signer '{name}': only RSA and EC keys are supported (CKA_KEY_TYPE {type})"),
        };
        Chain = ChainOrder.From(signer, pool);
    }

    private SigningKeyException Mismatch() => new($"signer '{name}': the certificate's key type differs from the key on token {TokenName}");

    private string TokenName => options.TokenLabel.Length > 0 ? $"'{options.TokenLabel}'" : $"in slot {options.SlotId}";

    private string KeyName => options.KeyLabel.Length > 0 ? $"labelled '{options.KeyLabel}'" : $"with CKA_ID {options.KeyId}";

    // A session from the pool (or a new, logged-in one); after a token error that means "gone", the module is reloaded once.
    private T Attempt<T>(Func<ISession, IObjectHandle, T> work)
    {
        for (var attempt = 0; ; attempt++)
        {
            var generation = -1;
            try
            {
                return module.Use((library, current) =>
                {
                    generation = current;
                    var pooled = Rent(library, current);
                    try
                    {
                        var result = work(pooled.Session, pooled.Key);
                        idle.Add(pooled);
                        return result;
                    }
                    catch
                    {
                        Close(pooled);
                        throw;
                    }
                });
            }
            catch (Pkcs11Exception e) when (attempt == 0 && Pkcs11Errors.MeansGone(e.RV))
            {
                Drain();
                module.Reload(generation);
            }
            catch (TokenNotFoundException) when (attempt == 0)
            {
                Drain();
                module.Reload(generation);
            }
            catch (TokenNotFoundException)
            {
                throw new SigningKeyException($"signer '{name}': token {TokenName} not found (unplugged, or its storage is gone)");
            }
            catch (Pkcs11Exception e)
            {
                throw new SigningKeyException($"signer '{name}': {Pkcs11Errors.Describe(e)} (token {TokenName})", e);
            }
        }
    }

    private Pooled Rent(IPkcs11Library library, int generation)
    {
        while (idle.TryTake(out var pooled))
        {
            if (pooled.Generation == generation) return pooled;
        }
        var slot = FindSlot(library);
        var session = slot.OpenSession(SessionType.ReadOnly);
        try
        {
            // A login holds for every session of this process on the token, so only the first one really logs in.
            try { session.Login(CKU.CKU_USER, pin); }
            catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_ALREADY_LOGGED_IN) { }
            var keys = session.FindAllObjects(KeyTemplate());
            return keys.Count switch
            {
                1 => new Pooled(session, keys[0], generation),
                0 => throw new SigningKeyException($"signer '{name}': no private key {KeyName} on token {TokenName}"),
                _ => throw new SigningKeyException($"signer '{name}': {keys.Count} private keys {KeyName} on token {TokenName}; use Pkcs11:KeyId"),
            };
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private ISlot FindSlot(IPkcs11Library library)
    {
        foreach (var slot in library.GetSlotList(SlotsType.WithTokenPresent))
        {
            if (options.SlotId is { } id ? slot.SlotId == id : Pkcs11TokenWriter.LabelOf(slot) == options.TokenLabel) return slot;
        }
        throw new TokenNotFoundException();
    }

    private List<IObjectAttribute> KeyTemplate() =>
    [
        Attribute(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY),
        options.KeyLabel.Length > 0
            ? Pkcs11Module.Factories.ObjectAttributeFactory.Create(CKA.CKA_LABEL, options.KeyLabel)
            : Pkcs11Module.Factories.ObjectAttributeFactory.Create(CKA.CKA_ID, Convert.FromHexString(options.KeyId)),
    ];

    private static IObjectAttribute Attribute(CKA type, CKO value) => Pkcs11Module.Factories.ObjectAttributeFactory.Create(type, value);

    private void Drain()
    {
        while (idle.TryTake(out var pooled)) Close(pooled);
    }

    private void Close(Pooled pooled)
    {
        if (pooled.Generation != module.Generation) return;
        try { pooled.Session.CloseSession(); }
        catch (Pkcs11Exception) { /* the session is gone with its token */ }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        module.Use((_, _) => { Drain(); return 0; });
        foreach (var certificate in Chain) certificate.Dispose();
    }

    private sealed class TokenNotFoundException : Exception;
}
