using Worker.Signing;
using Worker.Signing.Bsre;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Signing.Bsre;
using Worker.Tests.Support;

namespace Worker.Tests.Signing;

/// <summary>
/// Several documents for one approver under one passphrase: one BSrE v2 call per chunk of Bsre:BatchSize files, each
/// output checked on its own, so a file the service rewrote fails alone while the others are signed.
/// </summary>
public sealed class SigningPortBatchTests(BsrePortFixture fixture) : IClassFixture<BsrePortFixture>
{
    private List<SigningRequest> Batch(int count, string passphrase)
    {
        var secret = new PersonalSecret(passphrase);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var input = fixture.Work.File($"in-{Guid.NewGuid():N}.pdf");
            File.WriteAllBytes(input, TestPdfs.Unique("minimal-document.pdf"));
            return fixture.Request(input, "kadis", null) with { Secret = secret };
        })];
    }

    private static void AssertSignedByTheOfficial(SigningRequest request)
    {
        var original = File.ReadAllBytes(request.InputPath);
        Assert.True(File.ReadAllBytes(request.OutputPath).AsSpan(0, original.Length).SequenceEqual(original));
        var pdfsig = ExternalTool.Run("pdfsig", "-nssdir", "sql:" + BsreTestPki.Instance.NssDirectory, request.OutputPath);
        Assert.Contains("Signature is Valid", pdfsig.Stdout);
        Assert.Contains($"serialNumber={BsreTestPki.Official.Nik}", pdfsig.Stdout);
    }

    [Fact]
    public async Task SignBatchAsync_SignsTwoAndFailsOnlyTheRewrittenOne_InOneServiceCall()
    {
        var batch = Batch(3, fixture.Service.Passphrase);
        var calls = fixture.Service.Signed;
        fixture.Service.RewriteFileIndex = 1;
        IReadOnlyList<BatchOutcome> outcomes;
        try { outcomes = await fixture.Port.SignBatchAsync(batch, CancellationToken.None); }
        finally { fixture.Service.RewriteFileIndex = -1; }

        Assert.Equal(calls + 1, fixture.Service.Signed);
        Assert.Equal(3, fixture.Service.LastFileCount);
        Assert.Equal(3, fixture.Service.LastProperties!.AsArray().Count);
        Assert.Null(outcomes[0].Error);
        Assert.Null(outcomes[2].Error);
        AssertSignedByTheOfficial(batch[0]);
        AssertSignedByTheOfficial(batch[2]);
        Assert.Contains("does not start with exactly the approved bytes", outcomes[1].Error);
        Assert.False(File.Exists(batch[1].OutputPath), "a refused output must not be left where it could be filed");
        // Each document's stamp links to its own verification page.
        var qr = fixture.Service.LastProperties![2]!["imageBase64"]!.GetValue<string>();
        var png = fixture.Work.File($"qr-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(png, Convert.FromBase64String(qr));
        Assert.EndsWith($"/verify/{batch[2].DocumentId}", ExternalTool.Run("zbarimg", "--raw", "-q", png).Stdout.Trim());
    }

    [Fact]
    public async Task SignBatchAsync_SendsOneCallPerChunk_WhenTheBatchIsLargerThanBatchSize()
    {
        var profile = fixture.Options.Signers["kadis"].Bsre;
        profile.BatchSize = 2;
        try
        {
            var batch = Batch(3, fixture.Service.Passphrase);
            var calls = fixture.Service.Signed;
            var outcomes = await fixture.Port.SignBatchAsync(batch, CancellationToken.None);
            Assert.All(outcomes, o => Assert.Null(o.Error));
            Assert.Equal(calls + 2, fixture.Service.Signed);
            Assert.Equal(1, fixture.Service.LastFileCount);
        }
        finally { profile.BatchSize = 10; }
    }

    [Fact]
    public async Task SignBatchAsync_ThrowsWrongPassphrase_AndLeavesNoOutput_WhenThePassphraseIsWrong()
    {
        var batch = Batch(2, "salah-" + Guid.NewGuid().ToString("N")[..8]);
        var e = await Assert.ThrowsAsync<BsreException>(() => fixture.Port.SignBatchAsync(batch, CancellationToken.None));
        Assert.Equal(BsreFailure.WrongPassphrase, e.Failure);
        Assert.All(batch, r => Assert.False(File.Exists(r.OutputPath)));
    }

    [Fact]
    public async Task SignBatchAsync_FailsEachDocumentWithTheReason_WhenTheServiceIsDown()
    {
        var batch = Batch(2, fixture.Service.Passphrase);
        fixture.Service.Mode = BsreTestMode.Down;
        IReadOnlyList<BatchOutcome> outcomes;
        try { outcomes = await fixture.Port.SignBatchAsync(batch, CancellationToken.None); }
        finally { fixture.Service.Mode = BsreTestMode.Normal; }
        Assert.All(outcomes, o => Assert.StartsWith("Layanan tanda tangan BSrE tidak tersedia", o.Error));
    }

    [Fact]
    public async Task SignBatchAsync_Refuses_WhenTheRequestsDoNotShareOneSecret()
    {
        var batch = Batch(1, fixture.Service.Passphrase);
        batch.AddRange(Batch(1, fixture.Service.Passphrase));
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Port.SignBatchAsync(batch, CancellationToken.None));
    }
}
