using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Worker.Tests.Signing.Bsre;

/// <summary>API v1 of the test service, as older installs speak it: a multipart sign call answered with the signed PDF's bytes, and the status by NIK in the path.</summary>
public sealed partial class TestBsreService
{
    /// <summary>The text fields of the last v1 sign call, as received (the passphrase left out).</summary>
    public IReadOnlyDictionary<string, string> LastV1Fields { get; private set; } = new Dictionary<string, string>();

    private void MapV1(WebApplication app)
    {
        app.MapPost("/api/sign/pdf", (Delegate)SignV1Async);
        app.MapGet("/api/user/status/{nik}", (Delegate)StatusV1);
    }

    private IResult StatusV1(HttpContext http, string nik) =>
        !Authorized(http) ? Error(401, "Unauthorized", HttpStatusCode.Unauthorized)
        : Mode == BsreTestMode.Down ? Results.StatusCode(503)
        : StatusOf(new JsonObject { ["nik"] = nik });

    // visible with image=true: the imageTTD file and its rectangle, as v1 names them.
    private static async Task<BsreVisibleImage?> VisibleImageV1Async(IFormCollection form)
    {
        if (form["tampilan"] != "visible" || form.Files["imageTTD"] is not { } file) return null;
        using var png = new MemoryStream();
        await file.CopyToAsync(png);
        double Number(string key) => double.TryParse(form[key], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return new BsreVisibleImage
        {
            Png = png.ToArray(), Page = int.TryParse(form["page"], CultureInfo.InvariantCulture, out var page) ? page : 1,
            X = Number("xAxis"), Y = Number("yAxis"), Width = Number("width"), Height = Number("height"),
        };
    }

    private async Task<IResult> SignV1Async(HttpContext http)
    {
        if (!Authorized(http)) return Error(401, "Unauthorized", HttpStatusCode.Unauthorized);
        if (!http.Request.HasFormContentType) return Error(400, "multipart/form-data wajib", HttpStatusCode.BadRequest);
        var form = await http.Request.ReadFormAsync();
        if (Mode == BsreTestMode.Down) return Results.StatusCode(503);
        LastV1Fields = form.Where(f => f.Key != "passphrase").ToDictionary(f => f.Key, f => f.Value.ToString());
        if (form["tampilan"].ToString() is not ("visible" or "invisible")) return Error(400, "tampilan wajib diisi", HttpStatusCode.BadRequest);
        if (form["tampilan"] == "visible" && (form["image"] != "true" || form.Files["imageTTD"] is null))
            return Error(400, "imageTTD wajib untuk tampilan visible dengan image=true", HttpStatusCode.BadRequest);
        var (registered, user) = Find(new JsonObject { ["nik"] = form["nik"].ToString() });
        if (!registered) return Error(2011, "User tidak terdaftar", HttpStatusCode.BadRequest);
        if (user is null) return Error(2021, "User belum memiliki sertifikat", HttpStatusCode.BadRequest);
        if (form["passphrase"] != Passphrase) return Error(2031, "Passphrase anda salah", HttpStatusCode.BadRequest);
        if (form.Files["file"] is not { } file) return Error(400, "file wajib diisi", HttpStatusCode.BadRequest);
        Interlocked.Increment(ref signCalls);
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy);
        var nick = Mode == BsreTestMode.OtherCertificate ? BsreTestPki.Other.Nick : user.Nick;
        var pdf = PdfSign(copy.ToArray(), nick, rewrite: Mode == BsreTestMode.Rewritten, await VisibleImageV1Async(form));
        return pdf is null ? Error(500, "Dokumen tidak valid", HttpStatusCode.InternalServerError) : Results.Bytes(pdf, "application/pdf");
    }
}
