using System.Collections.Concurrent;
using System.Text;
using Microsoft.Playwright;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Support;

/// <summary>
/// Draws PDF pages with pdf.js in Debian's Chromium, as Firefox's viewer does (forms mode: widgets that are not signatures
/// go to the HTML layer, everything else on the canvas). No server: Playwright answers the page's requests from disk.
/// </summary>
public sealed class PdfJsRenderer : IAsyncLifetime
{
    // Never resolved: every request to it is answered by the route below.
    private const string Origin = "http://pdfjs.test";

    private readonly ConcurrentDictionary<string, string> _documents = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;
    private readonly List<string> _errors = [];

    /// <summary>The pdfjs-dist folder in use.</summary>
    public string Folder { get; } = PdfJsDist.Folder();

    /// <summary>pdf.js's version, as the library itself reports it.</summary>
    public string Version { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await TestBrowser.LaunchAsync(_playwright);
        _page = await _browser.NewPageAsync();
        _page.PageError += (_, error) => _errors.Add(error);
        await _page.RouteAsync(Origin + "/**", Answer);
        await _page.GotoAsync(Origin + "/");
        await _page.WaitForFunctionAsync("() => window.renderPage || window.loadError", null, new() { Timeout = 60_000 });
        Assert.True(await _page.EvaluateAsync<bool>("() => !!window.renderPage"),
            $"pdf.js did not load: {await _page.EvaluateAsync<string>("() => window.loadError")} {string.Join(" ", _errors)}");
        Version = await _page.EvaluateAsync<string>("() => window.pdfjsVersion");
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>
    /// Page <paramref name="number"/> (from 1) of <paramref name="pdf"/> as pdf.js draws it, turned by /Rotate like a viewer,
    /// at <paramref name="scale"/> pixels per point; the PNG is kept at <paramref name="png"/>.
    /// </summary>
    public async Task<GrayImage> RenderAsync(string pdf, int number, double scale, string png)
    {
        var id = Guid.NewGuid().ToString("n");
        _documents[id] = pdf;
        try
        {
            var drawn = await _page!.EvaluateAsync<Drawn>("([url, n, s]) => window.renderPage(url, n, s)", new object[] { $"/documents/{id}.pdf", number, scale });
            await File.WriteAllBytesAsync(png, Convert.FromBase64String(drawn.Png[(drawn.Png.IndexOf(',') + 1)..]));
            var header = Encoding.ASCII.GetBytes($"P5\n{drawn.Width} {drawn.Height}\n255\n");
            return GrayImage.FromPgm([.. header, .. Convert.FromBase64String(drawn.Gray)]);
        }
        catch (PlaywrightException e)
        {
            Assert.Fail($"pdf.js {Version} could not draw page {number} of {Path.GetFileName(pdf)}: {e.Message} {string.Join(" ", _errors)}");
            throw;
        }
        finally
        {
            _documents.TryRemove(id, out _);
        }
    }

    private async Task Answer(IRoute route)
    {
        var path = new Uri(route.Request.Url).AbsolutePath;
        if (path == "/") await route.FulfillAsync(new() { ContentType = "text/html", Body = Html });
        else if (path.StartsWith("/documents/", StringComparison.Ordinal) && _documents.TryGetValue(Path.GetFileNameWithoutExtension(path), out var pdf))
            await route.FulfillAsync(new() { ContentType = "application/pdf", Path = pdf });
        else if (path.StartsWith("/pdfjs/", StringComparison.Ordinal)
                 && Path.GetFullPath(Path.Combine(Folder, Uri.UnescapeDataString(path["/pdfjs/".Length..]))) is var file
                 && file.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(file))
            await route.FulfillAsync(new() { ContentType = ContentType(file), Path = file });
        else await route.FulfillAsync(new() { Status = 404 });
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".mjs" or ".js" => "text/javascript",
        ".wasm" => "application/wasm",
        _ => "application/octet-stream",
    };

    // Settable properties: Playwright fills the result by name and has no constructor binding.
    private sealed class Drawn
    {
        public int Width { get; set; }
        public int Height { get; set; }
        public string Gray { get; set; } = "";
        public string Png { get; set; } = "";
    }

    // The fake worker (pdf.worker.mjs imported on the page) runs the same parser and painter on the page's own thread.
    private const string Html = """
        <!doctype html>
        <meta charset="utf-8">
        <script>addEventListener("error", e => window.loadError = String(e.message));</script>
        <script type="module">
        import * as pdfjs from "/pdfjs/build/pdf.mjs";
        import "/pdfjs/build/pdf.worker.mjs";

        window.pdfjsVersion = pdfjs.version;
        window.renderPage = async (url, number, scale) => {
          const task = pdfjs.getDocument({
            url, cMapUrl: "/pdfjs/cmaps/", cMapPacked: true, standardFontDataUrl: "/pdfjs/standard_fonts/",
            wasmUrl: "/pdfjs/wasm/", iccUrl: "/pdfjs/iccs/",
          });
          const doc = await task.promise;
          const page = await doc.getPage(number);
          const viewport = page.getViewport({ scale });
          const canvas = document.createElement("canvas");
          canvas.width = Math.round(viewport.width);
          canvas.height = Math.round(viewport.height);
          await page.render({ canvas, viewport, annotationMode: pdfjs.AnnotationMode.ENABLE_FORMS }).promise;
          const rgba = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
          let gray = "";
          for (let i = 0; i < rgba.length; i += 4)
            gray += String.fromCharCode(Math.round(0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]));
          const png = canvas.toDataURL("image/png");
          await task.destroy();
          return { width: canvas.width, height: canvas.height, gray: btoa(gray), png };
        };
        </script>
        """;
}
