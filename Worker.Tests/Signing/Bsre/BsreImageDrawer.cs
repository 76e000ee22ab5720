using System.Globalization;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Signing.Bsre;

/// <summary>
/// Draws the visible-signature image of a sign call on the page, in an incremental update before pdfsig signs. Real BSrE
/// draws it as the signature widget's appearance; pdfsig cannot (it regenerates the appearance of the widget it signs), so
/// the test service adds a print annotation with the image in the revision just before its signature: what a reader sees is
/// the same, and the signature still covers it.
/// </summary>
internal static class BsreImageDrawer
{
    // mupdf (mutool run) rather than our engine: the test service's output must come from tools that are not ours.
    private const string Script = """
        // mutool run draw.js IN OUT PNG PAGE X Y WIDTH HEIGHT
        var doc = new PDFDocument(scriptArgs[0]);
        function signed(fields, type) {
          for (var i = 0; fields && i < fields.length; i++) {
            var field = fields.get(i), ft = field.get("FT") ? field.get("FT").asName() : type;
            if ((ft == "Sig" && field.get("V")) || signed(field.get("Kids"), ft)) return true;
          }
          return false;
        }
        var form = doc.getTrailer().get("Root").get("AcroForm");
        if (form && signed(form.get("Fields"), null)) { print("already signed"); quit(); }
        var number = parseInt(scriptArgs[3], 10);
        if (!(number >= 1 && number <= doc.countPages())) throw new Error("no page " + scriptArgs[3]);
        var page = doc.findPage(number - 1);
        function inherited(key) { for (var node = page; node; node = node.get("Parent")) { var v = node.get(key); if (v) return v; } return null; }
        var box = inherited("CropBox") || inherited("MediaBox");
        var left = Math.min(box.get(0).valueOf(), box.get(2).valueOf()), bottom = Math.min(box.get(1).valueOf(), box.get(3).valueOf());
        var x = left + Number(scriptArgs[4]), y = bottom + Number(scriptArgs[5]), w = Number(scriptArgs[6]), h = Number(scriptArgs[7]);
        var image = doc.addImage(new Image(scriptArgs[2]));
        var appearance = doc.addStream("q " + w + " 0 0 " + h + " 0 0 cm /Ttd Do Q",
          { Type: "XObject", Subtype: "Form", BBox: [0, 0, w, h], Resources: { XObject: { Ttd: image } } });
        var stamp = doc.addObject({ Type: "Annot", Subtype: "Stamp", F: 4, P: page, Rect: [x, y, x + w, y + h],
          Contents: doc.newString("Tanda tangan elektronik (BSrE test)"), AP: { N: appearance } });
        var annots = page.get("Annots");
        if (!annots) { annots = doc.newArray(); page.put("Annots", annots); }
        annots.push(stamp);
        doc.save(scriptArgs[1], "incremental,compress");
        """;

    /// <summary>
    /// The file pdfsig should sign: <paramref name="source"/> with the image drawn, or <paramref name="source"/> itself when it
    /// already carries a signature (see remarks); null when mupdf cannot draw it (no such page, a file it had to repair).
    /// </summary>
    /// <remarks>
    /// Any visible change after a signature breaks that signature for a strict checker (ours refuses page annotations added
    /// after signing); real BSrE's image is inside its new signature, which is allowed. So a second official's image is not
    /// drawn: their signature is still made and checked, their stamp is not shown.
    /// </remarks>
    public static string? Draw(TempDirectory work, string source, BsreVisibleImage image)
    {
        var script = work.File("draw.js");
        var png = work.File("ttd.png");
        var output = work.File("drawn.pdf");
        File.WriteAllText(script, Script);
        File.WriteAllBytes(png, image.Png);
        var result = ExternalTool.Run("mutool", "run", script, source, output, png, image.Page.ToString(CultureInfo.InvariantCulture),
            Number(image.X), Number(image.Y), Number(image.Width), Number(image.Height));
        if (result.ExitCode != 0) return null;
        return File.Exists(output) ? output : source;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
