using System.Text;
using System.Text.Json;
using Worker.Cli;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

/// <summary><c>sign --signer NAME --config FILE</c> reads the key files, name and position from Worker:Signers.</summary>
public class SignCommandSignerProfileTests
{
    // Only Signers is filled in: the rest of the configuration would not validate, and sign must not care.
    private static string WriteConfig(TempDirectory temp)
    {
        var path = temp.File("signers.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            Worker = new
            {
                Database = new { ConnectionString = "" },
                Routes = new[] { new { Name = "", Inbox = "" } },
                Signers = new Dictionary<string, object>
                {
                    ["kadis"] = new
                    {
                        Pkcs12 = DemoPki.Instance.Rsa.Pkcs12,
                        PasswordFile = DemoPki.Instance.Rsa.PasswordFile,
                        Name = "Andi Mappasessu'",
                        Position = "Kepala Dinas Kominfo",
                    },
                },
            },
        }));
        return path;
    }

    [Fact]
    public async Task RunAsync_SignsWithTheProfilesKeyNameAndPosition_WhenSignerIsGiven()
    {
        using var temp = new TempDirectory();
        var output = temp.File("signed.pdf");

        var code = await CommandLine.RunAsync(["sign", RepoPaths.CorpusFile("minimal-document.pdf"), "-o", output, "--visible",
            "--signer", "kadis", "--config", WriteConfig(temp)], TextWriter.Null, TextWriter.Null);

        Assert.Equal(ExitCode.Done, code);
        SignedPdf.AssertPdfSigValid(output, 1);
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(output));
        Assert.Contains("/Name (Andi Mappasessu')", text);
        Assert.Contains("Kepala Dinas Kominfo", text);
    }

    [Fact]
    public async Task RunAsync_ExitsUsageWithOneLine_WhenTheSignerIsNotConfigured()
    {
        using var temp = new TempDirectory();
        var stderr = new StringWriter();

        var code = await CommandLine.RunAsync(["sign", RepoPaths.CorpusFile("minimal-document.pdf"), "-o", temp.File("o.pdf"),
            "--signer", "sekda", "--config", WriteConfig(temp)], TextWriter.Null, stderr);

        Assert.Equal(ExitCode.Usage, code);
        var line = Assert.Single(stderr.ToString().Trim().Split('\n'));
        Assert.Contains("'sekda'", line);
        Assert.Contains("kadis", line);
        Assert.False(File.Exists(temp.File("o.pdf")));
    }

    [Fact]
    public async Task RunAsync_ExitsUsage_WhenSignerAndPkcs12AreBothGiven()
    {
        using var temp = new TempDirectory();
        var stderr = new StringWriter();

        var code = await CommandLine.RunAsync(["sign", RepoPaths.CorpusFile("minimal-document.pdf"), "-o", temp.File("o.pdf"),
            "--signer", "kadis", "--pkcs12", DemoPki.Instance.Rsa.Pkcs12], TextWriter.Null, stderr);

        Assert.Equal(ExitCode.Usage, code);
        Assert.Contains("alternatives", stderr.ToString());
    }
}
