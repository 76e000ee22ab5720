using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Keys;
using Worker.Signing.Pkcs11;

namespace Worker.Cli;

/// <summary>
/// <c>dev-certs DIR --softhsm</c>: a SoftHSM2 token (its own configuration and storage under DIR/softhsm) holding the demo
/// RSA signer's key and certificate, to try Kind Pkcs11 without hardware; never touches the system's tokens.
/// </summary>
internal static class DevSoftHsm
{
    /// <summary>Where Debian's softhsm2 package puts its PKCS#11 module.</summary>
    public const string Library = "/usr/lib/softhsm/libsofthsm2.so";

    public const string TokenLabel = "tte-demo";
    public const string KeyLabel = "demo-signer";

    public static int Run(string dir, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(Library))
        {
            stderr.WriteLine($"SoftHSM2 tidak terpasang / is not installed: {Library} not found (apt-get install softhsm2)");
            return ExitCode.Unexpected;
        }
        var home = Directory.CreateDirectory(Path.Combine(dir, "softhsm")).FullName;
        var tokens = Directory.CreateDirectory(Path.Combine(home, "tokens")).FullName;
        var conf = Path.Combine(home, "softhsm2.conf");
        var pinFile = Path.Combine(home, "user.pin");
        if (Directory.EnumerateDirectories(tokens).Any())
        {
            stdout.WriteLine($"kept    {tokens} (token '{TokenLabel}')");
            return Explain(conf, pinFile, dir, stdout);
        }
        File.WriteAllText(conf, $"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n");
        // SoftHSM2 reads its configuration when the module starts, from the native environment.
        NativeEnvironment.Set("SOFTHSM2_CONF", conf);
        var pin = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        var soPin = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        WriteSecret(pinFile, pin);
        WriteSecret(Path.Combine(home, "so.pin"), soPin);
        var p12 = Path.Combine(dir, "signer.p12");
        var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(p12, File.ReadAllText(Path.Combine(dir, "signer.pass")).TrimEnd('\r', '\n'),
            X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
        try
        {
            Pkcs11TokenWriter.InitializeToken(Library, TokenLabel, soPin, pin);
            Pkcs11TokenWriter.Write(Library, TokenLabel, pin, all.First(c => c.HasPrivateKey), all.Where(c => !c.HasPrivateKey), KeyLabel, [0x01]);
        }
        catch (SigningKeyException e)
        {
            stderr.WriteLine($"SoftHSM2: {e.Message}");
            return ExitCode.Unexpected;
        }
        stdout.WriteLine($"created {conf}, token '{TokenLabel}' with the key of {Path.GetFileName(p12)} ('{KeyLabel}'), {Path.GetFileName(pinFile)} and so.pin");
        return Explain(conf, pinFile, dir, stdout);
    }

    private static int Explain(string conf, string pinFile, string dir, TextWriter stdout)
    {
        stdout.WriteLine($"run the worker with SOFTHSM2_CONF={conf} and a signer such as:");
        stdout.WriteLine($$"""  "Kind": "Pkcs11", "Pkcs11": { "Library": "{{Library}}", "TokenLabel": "{{TokenLabel}}", "KeyLabel": "{{KeyLabel}}", "PinFile": "{{pinFile}}" }""");
        stdout.WriteLine($"and {Path.Combine(dir, "ca.pem")} under Worker:Verification:TrustAnchors");
        return ExitCode.Done;
    }

    private static void WriteSecret(string path, string value)
    {
        File.WriteAllText(path, value + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
