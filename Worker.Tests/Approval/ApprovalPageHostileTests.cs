using System.Net;
using Worker.Tests.Support;
using static Worker.Tests.Pdf.Hostile.RawPdfWriter;

namespace Worker.Tests.Approval;

/// <summary>A letter whose page takes pdftoppm far longer than the limit: the page says so plainly, and the worker stays up.</summary>
public sealed class ApprovalPageHostileTests(ApprovalPageHostileTests.ShortLimitHost host) : IClassFixture<ApprovalPageHostileTests.ShortLimitHost>
{
    /// <summary>Six seconds per page image: normal pages take a fraction of that, the hostile one minutes.</summary>
    public sealed class ShortLimitHost : ApprovalHost
    {
        protected override void Configure(TestConfig config) => config.Worker["Approval"]!["PreviewTimeout"] = "00:00:06";
    }

    [Fact]
    public async Task Get_ShowsThePlainMessageAndThePdfLink_WhenDrawingTheFirstPageTimesOut()
    {
        using var temp = new TempPdf(SlowToDraw());
        var (id, _, token) = await host.SubmitAndReadLinkAsync(pdf: temp.Path, pages: 1);
        using var client = host.Client();

        var (status, body, _) = await client.GetAsync($"/approve/{token}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Halaman dokumen tidak dapat ditampilkan. Bacalah dokumen dalam berkas PDF.", body);
        Assert.DoesNotContain("<img class=\"page\"", body);
        Assert.Contains($"/approve/{token}/document", body);
        Assert.Contains("Setujui", body);

        // The render was killed, not left running, and the failure is remembered: the next opening does not start another.
        var content = await host.Database.ScalarAsync<string>($"SELECT content_path FROM worker.documents WHERE id = '{id}'");
        await Eventually.Async(() => Task.FromResult(RunningOn(content!)), n => n == 0, what: "no pdftoppm left on the hostile file");
        Assert.True(File.Exists(Path.Combine(host.Worker.Options.DataDirectory, "previews", id.ToString("N"), "1.jpg.failed")));
        var (again, second, _) = await client.GetAsync($"/approve/{token}");
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Contains("Halaman dokumen tidak dapat ditampilkan", second);
        Assert.Equal(0, RunningOn(content!));

        // The worker stays up: the next letter's page and its images work.
        var (_, _, next) = await host.SubmitAndReadLinkAsync();
        var (nextStatus, nextBody, _) = await client.GetAsync($"/approve/{next}");
        Assert.Equal(HttpStatusCode.OK, nextStatus);
        Assert.Contains("<img class=\"page\"", nextBody);
        Assert.Equal("AwaitingApproval", await host.StateAsync(id));
    }

    [Fact]
    public async Task Image_ShowsThePlainSentence_WhenItsPageCannotBeDrawn()
    {
        using var temp = new TempPdf(SlowToDraw());
        var (id, _, token) = await host.SubmitAndReadLinkAsync(pdf: temp.Path, pages: 1);
        using var client = host.Client();
        await client.GetAsync($"/approve/{token}");

        var (status, svg, response) = await client.GetAsync($"/approve/pages/{id:N}/1.jpg");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Halaman dokumen tidak dapat", svg);
        Assert.DoesNotContain("<script", svg);
    }

    // A million nested form drawings of fifty rectangles on one page: a few kilobytes that keep pdftoppm busy for minutes.
    private static byte[] SlowToDraw()
    {
        const int levels = 7;
        var bodies = new List<byte[]>
        {
            Text("<</Type/Catalog/Pages 2 0 R>>"),
            Text("<</Type/Pages/Kids[3 0 R]/Count 1>>"),
            Text("<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</XObject<</X 5 0 R>>>>/Contents 4 0 R>>"),
            Stream("", Text("/X Do")),
        };
        for (var level = 0; level < levels; level++)
        {
            var last = level == levels - 1;
            var draw = last
                ? "0 0 1 rg " + string.Join(" ", Enumerable.Range(0, 50).Select(i => $"{i % 500} {i * 16 % 800} 90 40 re")) + " f"
                : string.Join(" ", Enumerable.Repeat("q 1 0 0 1 0.01 0.01 cm /X Do Q", 10));
            var resources = last ? "" : $"/Resources<</XObject<</X {6 + level} 0 R>>>>";
            bodies.Add(Stream($"/Type/XObject/Subtype/Form/BBox[0 0 595 842]{resources}", Text(draw)));
        }
        return Classic(bodies);
    }

    private static int RunningOn(string path) =>
        Directory.EnumerateDirectories("/proc").Count(d =>
        {
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(d, "cmdline"));
                return cmdline.Contains("pdftoppm") && cmdline.Contains(path);
            }
            catch (IOException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
        });

    private sealed class TempPdf : IDisposable
    {
        public TempPdf(byte[] bytes)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"slow-{Guid.NewGuid():N}.pdf");
            File.WriteAllBytes(Path, bytes);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
