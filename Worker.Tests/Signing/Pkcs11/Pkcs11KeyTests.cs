using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Keys;
using Worker.Signing.Pkcs11;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Signing.Pkcs11;

/// <summary>Keys on a SoftHSM2 token sign the corpus as pdfsig accepts (CA trusted); token trouble is one line naming the signer.</summary>
[Collection(SoftHsmCollection.Name)]
public sealed class Pkcs11KeyTests
{
    public static TheoryData<string, bool> Keys() => new() { { "rsa", false }, { "rsa", true }, { "p256", false } };

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task SignDigestAsync_SignsTheCorpusAsPdfsigAccepts_ForEachKeyKind(string key, bool pss)
    {
        var token = SoftHsm.Instance.Create(key == "p256" ? DemoPki.Instance.EcP256 : DemoPki.Instance.Rsa);
        using var signer = Pkcs11Key.Open("hsm", token.Options(pss), DateTimeOffset.UtcNow);
        Assert.Equal(pss ? SignatureScheme.RsaPss : key == "rsa" ? SignatureScheme.RsaPkcs1 : SignatureScheme.Ecdsa, signer.Scheme);
        Assert.Equal(2, signer.Chain.Count);
        using var temp = new TempDirectory();
        foreach (var file in ((IEnumerable<object[]>)Corpus.Signable()).Select(row => (string)row[0]))
        {
            var output = temp.File("signed-" + file);
            await TestSigning.SignAsync(RepoPaths.CorpusFile(file), output, signer);
            SignedPdf.AssertPdfSigValid(output, 1);
        }
        var first = temp.File("signed-minimal-document.pdf");
        SignedPdf.AssertOpenSslVerifies(first, temp.Path);
        TestSigning.FlipByteInFirstRange(first);
        Assert.DoesNotContain("Signature is Valid", ExternalTool.Run("pdfsig", "-nssdir", "sql:" + DemoPki.Instance.NssDirectory, first).Stdout);
    }

    [Fact]
    public async Task SignDigestAsync_LogsInForEachSignature_WhenTheKeyAlwaysAuthenticates()
    {
        var token = SoftHsm.Instance.Create(DemoPki.Instance.Rsa, alwaysAuthenticate: true);
        using var signer = Pkcs11Key.Open("hsm", token.Options(), DateTimeOffset.UtcNow);
        var digest = SHA256.HashData("eins"u8);
        using var rsa = token.Certificate.GetRSAPublicKey()!;
        for (var i = 0; i < 3; i++)
            Assert.True(rsa.VerifyHash(digest, await signer.SignDigestAsync(digest, HashAlgorithmName.SHA256, default), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Open_RefusesInOneLineNamingTheSigner_WhenThePinIsWrong()
    {
        var token = SoftHsm.Instance.Create(DemoPki.Instance.Rsa);
        var options = token.Options();
        options.PinFile = Path.Combine(SoftHsm.Instance.Directory, token.Label + ".wrong");
        File.WriteAllText(options.PinFile, "000000\n");
        AssertOneLine(Assert.Throws<SigningKeyException>(() => Pkcs11Key.Open("kadis-hsm", options, DateTimeOffset.UtcNow)), "CKR_PIN_INCORRECT");
    }

    [Fact]
    public void Open_RefusesInOneLineNamingTheSigner_WhenTheTokenIsMissing()
    {
        var token = SoftHsm.Instance.Create(DemoPki.Instance.Rsa);
        var options = token.Options();
        options.TokenLabel = "no-such-token";
        AssertOneLine(Assert.Throws<SigningKeyException>(() => Pkcs11Key.Open("kadis-hsm", options, DateTimeOffset.UtcNow)), "'no-such-token' not found");
    }

    [Fact]
    public void Open_RefusesInOneLineNamingTheSigner_WhenTheKeyLabelIsMissing()
    {
        var token = SoftHsm.Instance.Create(DemoPki.Instance.Rsa);
        var options = token.Options();
        options.KeyLabel = "no-such-key";
        AssertOneLine(Assert.Throws<SigningKeyException>(() => Pkcs11Key.Open("kadis-hsm", options, DateTimeOffset.UtcNow)), "no private key labelled 'no-such-key'");
    }

    [Fact]
    public async Task SignDigestAsync_FailsInOneLineAndRecovers_WhenTheTokenStorageGoesAndReturns()
    {
        var token = SoftHsm.Instance.Create(DemoPki.Instance.EcP256);
        using var signer = Pkcs11Key.Open("kadis-hsm", token.Options(), DateTimeOffset.UtcNow);
        var digest = SHA256.HashData("zwei"u8);
        await signer.SignDigestAsync(digest, HashAlgorithmName.SHA256, default);
        // Out of the tokens folder: SoftHSM2 takes every folder in it for a token.
        var away = Path.Combine(SoftHsm.Instance.Directory, "away-" + token.Label);
        Directory.Move(token.StorageDirectory, away);
        try
        {
            // SoftHSM2 keeps a loaded token in memory; the worker's check re-initialises the module to see what is really there.
            Pkcs11Key.ReloadModule(token.Options().Library);
            AssertOneLine(await Assert.ThrowsAsync<SigningKeyException>(() => signer.SignDigestAsync(digest, HashAlgorithmName.SHA256, default)), token.Label);
        }
        finally
        {
            Directory.Move(away, token.StorageDirectory);
        }
        using var ec = token.Certificate.GetECDsaPublicKey()!;
        Assert.True(ec.VerifyHash(digest, await signer.SignDigestAsync(digest, HashAlgorithmName.SHA256, default), DSASignatureFormat.Rfc3279DerSequence));
    }

    private static void AssertOneLine(SigningKeyException e, string expected)
    {
        Assert.StartsWith("signer 'kadis-hsm'", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
