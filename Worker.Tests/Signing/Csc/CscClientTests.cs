using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Worker.Configuration;
using Worker.Pdf.Keys;
using Worker.Signing;
using Worker.Signing.Csc;

namespace Worker.Tests.Signing.Csc;

/// <summary>The CSC v2 client against the test service: each failure of the contract becomes its kind and a plain message without the PIN.</summary>
public sealed class CscClientTests(CscPortFixture fixture) : IClassFixture<CscPortFixture>
{
    private static readonly byte[] Hash = SHA256.HashData("isi yang ditandatangani"u8);

    private Task<IReadOnlyList<byte[]>> SignAsync(string pin, CscClient? client = null, string algorithm = CscWire.RsaEncryption) =>
        (client ?? fixture.Client("kadis-csc")).SignHashesAsync(new PersonalSecret(pin), "Pin", [Hash], algorithm, CancellationToken.None);

    private async Task<CscException> FailAsync(string pin, CscClient? client = null, CscTestMode mode = CscTestMode.Normal)
    {
        fixture.Service.Mode = mode;
        try { return await Assert.ThrowsAsync<CscException>(() => SignAsync(pin, client)); }
        finally { fixture.Service.Mode = CscTestMode.Normal; }
    }

    [Fact]
    public async Task CredentialAsync_ReadsTheChainAndTheKeyScheme_ForRsaAndEcdsaCredentials()
    {
        var rsa = await fixture.Client("kadis-csc").CredentialAsync(CancellationToken.None);
        Assert.Equal(fixture.Service.Official.Chain[0].Thumbprint, rsa.Chain[0].Thumbprint);
        Assert.Equal(2, rsa.Chain.Count);
        Assert.Equal((SignatureScheme.RsaPkcs1, 256, CscWire.RsaEncryption), (rsa.Scheme, rsa.MaxSignatureLength, rsa.SignAlgorithm));
        var ec = await fixture.Client("ec-csc").CredentialAsync(CancellationToken.None);
        Assert.Equal((SignatureScheme.Ecdsa, CscWire.EcdsaWithSha256), (ec.Scheme, ec.SignAlgorithm));
    }

    [Fact]
    public async Task SignHashesAsync_ReturnsAValueTheCertificateVerifies_AndAuthorizesExactlyThatHash_WhenThePinIsRight()
    {
        var value = (await SignAsync(fixture.Service.Official.Pin))[0];
        using var key = fixture.Service.Official.Chain[0].GetRSAPublicKey()!;
        Assert.True(key.VerifyHash(Hash, value, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Equal([Convert.ToBase64String(Hash)], fixture.Service.LastAuthorizedHashes);
    }

    [Fact]
    public async Task SignHashesAsync_SaysWrongPin_AndNeverRepeatsIt_WhenThePinIsWrong()
    {
        var before = fixture.Service.Signed;
        var e = await FailAsync("80808080");
        Assert.Equal(CscFailure.WrongSecret, e.Failure);
        Assert.StartsWith("PIN/OTP TTE salah / wrong signing PIN or OTP", e.Message);
        Assert.DoesNotContain("80808080", e.ToString());
        Assert.Equal(before, fixture.Service.Signed);
    }

    [Fact]
    public async Task SignHashesAsync_SaysTheClientIsRefused_WhenTheClientSecretIsWrong()
    {
        var e = await FailAsync(fixture.Service.Official.Pin, fixture.Client("kadis-csc", clientSecret: "bukan-rahasia-klien"));
        Assert.Equal(CscFailure.ClientRejected, e.Failure);
        Assert.StartsWith("Layanan CSC menolak klien server ini", e.Message);
        Assert.DoesNotContain("bukan-rahasia-klien", e.ToString());
        Assert.DoesNotContain(fixture.Service.Official.Pin, e.ToString());
    }

    [Fact]
    public async Task SignHashesAsync_SaysTheClientIsRefused_WhenTheServiceAnswers401ToTheToken()
    {
        var e = await FailAsync(fixture.Service.Official.Pin, mode: CscTestMode.RevokedToken);
        Assert.Equal(CscFailure.ClientRejected, e.Failure);
        Assert.StartsWith("Layanan CSC menolak klien server ini", e.Message);
        Assert.Contains("HTTP 401 invalid_token", e.Message);
        Assert.DoesNotContain(fixture.Service.Official.Pin, e.ToString());
    }

    [Fact]
    public async Task SignHashesAsync_SaysUnavailable_WhenTheServiceAnswers503()
    {
        var e = await FailAsync(fixture.Service.Official.Pin, mode: CscTestMode.Down);
        Assert.Equal(CscFailure.Unavailable, e.Failure);
        Assert.StartsWith("Layanan tanda tangan CSC tidak tersedia", e.Message);
        Assert.DoesNotContain(fixture.Service.Official.Pin, e.ToString());
    }

    [Fact]
    public async Task SignHashesAsync_SaysUnavailable_WhenTheServiceDoesNotAnswerWithinTheTimeout()
    {
        var profile = fixture.Options.Signers["kadis-csc"];
        var quick = new CscOptions { Url = profile.Csc.Url, ClientIdFile = profile.Csc.ClientIdFile, ClientSecretFile = profile.Csc.ClientSecretFile, Timeout = TimeSpan.FromSeconds(1) };
        using var http = new HttpClient();
        var e = await FailAsync(fixture.Service.Official.Pin, new CscClient(http, quick, profile.CredentialId), CscTestMode.Slow);
        Assert.Equal(CscFailure.Unavailable, e.Failure);
        Assert.Contains("tidak menjawab dalam", e.Message);
    }

    [Fact]
    public async Task SignHashesAsync_SaysTheAuthorizationExpired_WhenTheSadHasExpiredAtSignHash()
    {
        var before = fixture.Service.Signed;
        var e = await FailAsync(fixture.Service.Official.Pin, mode: CscTestMode.ExpiredSad);
        Assert.Equal(CscFailure.SadExpired, e.Failure);
        Assert.StartsWith("Otorisasi tanda tangan (SAD) ditolak atau kedaluwarsa", e.Message);
        Assert.Equal(before, fixture.Service.Signed);
    }
}
