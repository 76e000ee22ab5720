using System.Text.Json.Nodes;
using Worker.Tests.Support;

namespace Worker.Tests.Intake;

/// <summary>Every file a clerk drops gets an answer: refused files land in failed/ with a plain reason, and one mail says why.</summary>
public sealed class IntakeRefusalNoticeTests(IntakeRefusalNoticeTests.Host host) : IClassFixture<IntakeRefusalNoticeTests.Host>
{
    private const string Contact = "tu@example.go.id";

    public sealed class Host : IntakeHost
    {
        public TestSmtpServer Smtp { get; } = new TestSmtpServer().Start();

        protected override void Configure(JsonObject worker)
        {
            worker["Intake"]!["MaxFileBytes"] = 100_000;
            worker["Routes"]![0]!["Exclude"] = new JsonArray("draft-*");
            worker["Mail"]!["Smtp"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = Smtp.Port, ["Security"] = "None", ["Timeout"] = "00:00:05" };
        }
    }

    [Theory]
    [InlineData("laporan.docx", "Berkas .docx tidak diterima", "A .docx file is not accepted")]
    [InlineData("draft-surat.pdf", "dikecualikan", "excluded")]
    [InlineData("besar.pdf", "terlalu besar", "too big")]
    [InlineData("tidak-terbaca.pdf", "bukan berkas biasa", "not a regular file")]
    public async Task Drop_MovesToFailedWithAPlainReasonAndMailsTheContactOnce_WhenTheFileIsNotTaken(string name, string indonesian, string english)
    {
        var path = Path.Combine(host.Inbox, name);
        if (name.StartsWith("tidak-terbaca", StringComparison.Ordinal)) Fifo.Make(path); // nothing the worker can read as a file
        else if (name.StartsWith("besar", StringComparison.Ordinal)) host.Drop(name, [.. "%PDF-1.4\n"u8, .. new byte[200_000]]);
        else host.Drop(name, TestPdfs.Unique());

        // Within one rescan (every 5 s here), with room for a loaded machine.
        var error = await Eventually.Async(() => Task.FromResult(ReadOrNull(Path.Combine(host.Failed, name + ".error.txt"))),
            text => text is not null, TimeSpan.FromSeconds(90), $"{name}.error.txt in failed/");

        Assert.False(Present(path), $"{name} is still in the inbox");
        Assert.True(Present(Path.Combine(host.Failed, name)), $"{name} (the original) is not in failed/");
        Assert.Contains(indonesian, error);
        Assert.Contains(english, error);
        Assert.Contains("WITA", error);
        // The clerk reads it: no parser internals, no document id, no state name.
        foreach (var internals in new[] { "%PDF-", "startxref", "Dokumen  :", "Status ", "UTC", "Exception" }) Assert.DoesNotContain(internals, error);
        var row = Assert.Single(await host.WaitForAsync(name));
        Assert.DoesNotContain(row.Id.ToString(), error);

        var mail = Assert.Single(await host.Smtp.WaitForAsync(Contact, name, timeout: TimeSpan.FromSeconds(90)));
        Assert.Contains(indonesian, mail.TextBody);
        Assert.Contains("failed/", mail.TextBody);
        // One mail per refused file, even after more rescans and delivery passes.
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Single(host.Smtp.Matching(Contact, name));
    }

    // Any entry, a pipe included.
    private static bool Present(string path) => Worker.Filing.UnixFile.LinkStatus(path) is not null;

    private static string? ReadOrNull(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
