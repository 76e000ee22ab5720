using System.Text;
using System.Text.RegularExpressions;

namespace Worker.Tests.Pdf.Support;

/// <summary>Checks a signed file with the real tools: qpdf, pdfsig (with the demo CA trusted) and openssl cms.</summary>
public static partial class SignedPdf
{
    /// <summary>pdfsig's report, asserting exit code 0.</summary>
    public static string PdfSig(string path)
    {
        var result = ExternalTool.Run("pdfsig", "-nssdir", "sql:" + DemoPki.Instance.NssDirectory, path);
        Assert.True(result.ExitCode == 0, $"pdfsig failed ({result.ExitCode}): {result.Output}");
        return result.Stdout;
    }

    /// <summary>Asserts that pdfsig finds <paramref name="count"/> signatures, all valid and trusted.</summary>
    public static void AssertPdfSigValid(string path, int count)
    {
        var report = PdfSig(path);
        Assert.Equal(count, Regex.Matches(report, "Signature is Valid").Count);
        Assert.Equal(count, Regex.Matches(report, "Certificate is Trusted").Count);
    }

    /// <summary>Asserts qpdf --check passes with exit code 0 (no warnings at all).</summary>
    public static void AssertQpdfCheck(string path)
    {
        var result = ExternalTool.Run("qpdf", "--check", path);
        Assert.True(result.ExitCode == 0, $"qpdf --check failed ({result.ExitCode}): {result.Output}");
    }

    /// <summary>
    /// qpdf --check on a signed file: it must pass when the original passes. A corpus original may already fail
    /// (unreadablemetadata.pdf: a broken /Prev and zeroed objects) and an append-only signer cannot repair it, so
    /// then the signed file must be no worse: the same exit code or 0, and no more warnings than the original.
    /// Counting, not comparing texts, because qpdf's recovery words some warnings differently once bytes follow
    /// (object 78's unterminated stream: "unable to recover" becomes "recovered stream length").
    /// </summary>
    public static void AssertQpdfNoWorse(string signed, string original)
    {
        var before = ExternalTool.Run("qpdf", "--check", original);
        if (before.ExitCode == 0)
        {
            AssertQpdfCheck(signed);
            return;
        }
        var after = ExternalTool.Run("qpdf", "--check", signed);
        Assert.True(after.ExitCode == 0 || after.ExitCode == before.ExitCode,
            $"qpdf --check got worse ({before.ExitCode} -> {after.ExitCode}): {after.Output}");
        Assert.True(Warnings(after.Output) <= Warnings(before.Output),
            $"qpdf --check warns more about the signed file than about the original:\n{after.Output}\n--- original:\n{before.Output}");
    }

    private static int Warnings(string output) => output.Split('\n').Count(l => l.StartsWith("WARNING", StringComparison.Ordinal));

    /// <summary>Runs <c>openssl cms -verify</c> for every signature over its byte ranges.</summary>
    public static void AssertOpenSslVerifies(string path, string workDir)
    {
        var bytes = File.ReadAllBytes(path);
        var ranges = ByteRanges(bytes);
        Assert.NotEmpty(ranges);
        for (var i = 0; i < ranges.Count; i++)
        {
            var r = ranges[i];
            var content = Path.Combine(workDir, $"content{i}.bin");
            var cms = Path.Combine(workDir, $"cms{i}.der");
            using (var output = File.Create(content))
            {
                output.Write(bytes, (int)r[0], (int)r[1]);
                output.Write(bytes, (int)r[2], (int)r[3]);
            }
            var hex = Encoding.ASCII.GetString(bytes, (int)r[1] + 1, (int)(r[2] - r[1] - 2));
            File.WriteAllBytes(cms, Convert.FromHexString(hex));
            var result = ExternalTool.Run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", cms,
                "-content", content, "-CAfile", DemoPki.Instance.CaPem, "-purpose", "any", "-out", "/dev/null");
            Assert.True(result.ExitCode == 0, $"openssl cms -verify failed for signature {i + 1}: {result.Output}");
        }
    }

    /// <summary>Every /ByteRange in the file, in file order.</summary>
    public static List<long[]> ByteRanges(byte[] bytes) =>
        ByteRangePattern().Matches(Encoding.Latin1.GetString(bytes))
            .Select(m => Enumerable.Range(1, 4).Select(g => long.Parse(m.Groups[g].Value)).ToArray()).ToList();

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRangePattern();
}
