namespace Worker.Tests.Pdf.Support;

/// <summary>
/// Signs with poppler's <c>pdfsig -add-signature</c> (NSS writes the CMS, BER with indefinite lengths), using the demo
/// RSA signer's key imported into an NSS database of its own, so the shared verification database holds no key.
/// </summary>
public sealed class PopplerSigner
{
    private static readonly Lazy<PopplerSigner> Shared = new(() => new PopplerSigner());

    private PopplerSigner()
    {
        NssDirectory = Path.Combine(DemoPki.Instance.Directory, "nss-signing");
        Directory.CreateDirectory(NssDirectory);
        Check(ExternalTool.Run("certutil", "-N", "-d", "sql:" + NssDirectory, "--empty-password"));
        var password = File.ReadAllText(DemoPki.Instance.Rsa.PasswordFile).TrimEnd('\r', '\n');
        Check(ExternalTool.Run("pk12util", "-i", DemoPki.Instance.Rsa.Pkcs12, "-d", "sql:" + NssDirectory, "-W", password));
        var nick = ExternalTool.Run("certutil", "-L", "-d", "sql:" + NssDirectory);
        // pk12util names the key after its friendly name or subject; find it and give the tests one fixed nickname.
        var signerLine = nick.Stdout.Split('\n').FirstOrDefault(l => l.Contains("u,u,u", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("pk12util imported no key: " + nick.Output);
        KeyNickname = signerLine[..signerLine.LastIndexOf("u,u,u", StringComparison.Ordinal)].Trim();
        Check(ExternalTool.Run("certutil", "-A", "-d", "sql:" + NssDirectory, "-n", "demo-ca", "-t", "CT,C,C", "-i", DemoPki.Instance.CaPem));
    }

    public static PopplerSigner Instance => Shared.Value;

    public string NssDirectory { get; }

    /// <summary>The nickname NSS gave the imported key.</summary>
    public string KeyNickname { get; }

    /// <summary>Runs pdfsig -add-signature (adbe.pkcs7.detached: 22.12 refuses -etsi there); the caller checks the exit code.</summary>
    public ExternalTool.Result Sign(string input, string output) =>
        ExternalTool.Run("pdfsig", "-add-signature", "-nssdir", "sql:" + NssDirectory, "-nick", KeyNickname, "-reason", "Setuju", input, output);

    private static void Check(ExternalTool.Result result)
    {
        if (result.ExitCode != 0) throw new InvalidOperationException("NSS setup failed: " + result.Output);
    }
}
