using Worker.Tests.Support.Pki;

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
        NssDirectory = NssDatabase.Create(Path.Combine(DemoPki.Instance.Directory, "nss-signing"), DemoPki.Instance.CaPem, "demo-ca");
        NssDatabase.ImportKey(NssDirectory, DemoPki.Instance.Rsa, KeyNickname);
    }

    public static PopplerSigner Instance => Shared.Value;

    public string NssDirectory { get; }

    /// <summary>The nickname of the imported key.</summary>
    public const string KeyNickname = "demo-signer";

    /// <summary>Runs pdfsig -add-signature (adbe.pkcs7.detached: 22.12 refuses -etsi there); the caller checks the exit code.</summary>
    public ExternalTool.Result Sign(string input, string output) =>
        ExternalTool.Run("pdfsig", "-add-signature", "-nssdir", "sql:" + NssDirectory, "-nick", KeyNickname, "-reason", "Setuju", input, output);
}
