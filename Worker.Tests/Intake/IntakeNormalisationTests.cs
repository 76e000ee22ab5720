using System.Text.RegularExpressions;
using Worker.Intake;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Signing;
using Worker.Tests.Support;

namespace Worker.Tests.Intake;

/// <summary>Repairable and multi-revision files are rewritten once at intake; the approver sees, and the signer signs, the rewrite.</summary>
public sealed class IntakeNormalisationTests(SigningHost host) : IClassFixture<SigningHost>
{
    [Theory]
    [InlineData("wrong-startxref", "wrong-startxref")]
    [InlineData("two-revisions", "several-revisions")]
    [InlineData("huge-size", "object-numbers")]
    [InlineData("huge-object-number", "object-numbers")]
    public async Task Drop_IsNormalisedApprovedAndSigned_WhenTheFileNeedsRepair(string damage, string kind)
    {
        var dropped = damage switch
        {
            "wrong-startxref" => BrokenPdfs.WrongStartXref("google-doc-document.pdf"),
            "two-revisions" => BrokenPdfs.TwoRevisions("minimal-document.pdf", "Bayar 1 miliar"),
            "huge-size" => BrokenPdfs.HugeSize(),
            _ => BrokenPdfs.HugeObjectNumber(),
        };
        var (id, title, _) = await host.DropBytesAsync(dropped);
        await host.WaitForStateAsync(id, "AwaitingApproval");

        var approved = (await host.Database.ScalarAsync<string>($"SELECT content_path FROM worker.documents WHERE id = '{id}'"))!;
        Assert.EndsWith($"{id}.normalised.pdf", approved);
        // The original stays in the content store, byte for byte; the row keeps its hash (what was received).
        var original = Path.Combine(Path.GetDirectoryName(approved)!, $"{id}.pdf");
        Assert.Equal(dropped, await File.ReadAllBytesAsync(original));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(dropped)),
            await host.Database.ScalarAsync<string>($"SELECT sha256 FROM worker.documents WHERE id = '{id}'"));
        var audit = await host.Database.ScalarAsync<string>(
            $"SELECT detail FROM worker.audit_events WHERE document_id = '{id}' AND action = 'normalised'");
        Assert.NotNull(audit);
        Assert.StartsWith(kind + ":", audit);
        // The rewrite is one clean revision, to qpdf and to our own check.
        var rewritten = await File.ReadAllBytesAsync(approved);
        Assert.Single(Regex.Matches(System.Text.Encoding.Latin1.GetString(rewritten), "startxref"));
        SignedPdf.AssertQpdfCheck(approved);
        Assert.Null(NormalisationCheck.Check(approved));

        await host.ApproveAsync(id, SigningHost.Approver, title);
        await host.WaitForStateAsync(id, "Filed");
        var signedPath = (await host.Database.ScalarAsync<string>($"SELECT signed_path FROM worker.documents WHERE id = '{id}'"))!;
        var signed = await File.ReadAllBytesAsync(signedPath);
        Assert.True(signed.AsSpan(0, rewritten.Length).SequenceEqual(rewritten), "the signed file must start with the approved rewrite");
        SignedPdf.AssertPdfSigValid(signedPath, 1);
        SignedPdf.AssertQpdfCheck(signedPath);
    }

    [Fact]
    public async Task Drop_IsRefusedWithAPlainReason_WhenTheFileCannotBeRepaired()
    {
        // An xref-stream file has no trailer dictionary to recover once its startxref is wrong: qpdf gives up.
        var (id, _, dropped) = await host.DropBytesAsync(BrokenPdfs.WrongStartXref("pdflatex-4-pages.pdf"));
        await host.WaitForStateAsync(id, "Invalid");

        var error = (await host.Database.ScalarAsync<string>($"SELECT error FROM worker.documents WHERE id = '{id}'"))!;
        var lines = error.Split('\n');
        Assert.Contains("tidak dapat diperbaiki", lines[0]);
        Assert.Contains("cannot be repaired", lines[1]);
        Assert.DoesNotContain("qpdf", error);
        Assert.DoesNotContain("Exception", error);
        var failed = Directory.GetFiles(host.Worker.Options.Routes[0].Failed, "*.pdf").Single(f => File.ReadAllBytes(f).SequenceEqual(dropped));
        Assert.Contains("tidak dapat diperbaiki", File.ReadAllText(failed + ".error.txt"));
    }
}
