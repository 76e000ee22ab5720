using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Worker.Configuration;
using Worker.Signing.Pkcs11;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support.Pki;

namespace Worker.Tests.Signing.Pkcs11;

/// <summary>
/// SoftHSM2 for the whole test run, its tokens in a temp folder named by SOFTHSM2_CONF (never the system's). A PKCS#11
/// module is initialised once per process, so every test shares this configuration; each test makes tokens of its own.
/// </summary>
public sealed class SoftHsm
{
    /// <summary>Debian's softhsm2 module; scripts/test.sh installs it, and a missing one fails the test.</summary>
    public const string Library = "/usr/lib/softhsm/libsofthsm2.so";

    private static readonly Lazy<SoftHsm> Shared = new(() => new SoftHsm());
    private readonly Lock gate = new();

    private SoftHsm()
    {
        Assert.True(File.Exists(Library), $"{Library} is missing: install softhsm2 (scripts/test.sh does)");
        Directory = System.IO.Directory.CreateTempSubdirectory("softhsm-tests-").FullName;
        TokensDirectory = Path.Combine(Directory, "tokens");
        System.IO.Directory.CreateDirectory(TokensDirectory);
        var conf = Path.Combine(Directory, "softhsm2.conf");
        File.WriteAllText(conf, $"directories.tokendir = {TokensDirectory}\nobjectstore.backend = file\nlog.level = ERROR\n");
        NativeEnvironment.Set("SOFTHSM2_CONF", conf);
    }

    public static SoftHsm Instance => Shared.Value;

    public string Directory { get; }
    public string TokensDirectory { get; }

    /// <summary>A token of its own with one demo key on it; its storage folder lets a test take the token away.</summary>
    public sealed record Token(string Label, string PinFile, string KeyLabel, string StorageDirectory, X509Certificate2 Certificate)
    {
        /// <summary>The signer section that uses this token.</summary>
        public Pkcs11Options Options(bool rsaPss = false) => new() { Library = SoftHsm.Library, TokenLabel = Label, KeyLabel = KeyLabel, PinFile = PinFile, RsaPss = rsaPss };
    }

    /// <summary>Initialises a new token and writes the demo key of <paramref name="files"/> (with its certificate and the CA) onto it.</summary>
    public Token Create(KeyFiles files, bool alwaysAuthenticate = false)
    {
        var label = "t" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        var pin = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var pinFile = Path.Combine(Directory, label + ".pin");
        File.WriteAllText(pinFile, pin + "\n");
        var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(files.Pkcs12, File.ReadAllText(files.PasswordFile).TrimEnd('\n'),
            X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
        var signer = all.First(c => c.HasPrivateKey);
        lock (gate)
        {
            var before = System.IO.Directory.GetDirectories(TokensDirectory).ToHashSet();
            Pkcs11TokenWriter.InitializeToken(Library, label, "so-" + pin, pin);
            var storage = System.IO.Directory.GetDirectories(TokensDirectory).Single(d => !before.Contains(d));
            Pkcs11TokenWriter.Write(Library, label, pin, signer, all.Where(c => !c.HasPrivateKey), "signer", [0x01], alwaysAuthenticate);
            return new Token(label, pinFile, "signer", storage, X509CertificateLoader.LoadCertificate(signer.RawData));
        }
    }
}
