using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Signing.Bsre;

/// <summary>
/// An Esign Client Service (API v2) on a random loopback port, following BSrE's contract: Basic auth, NIK or email,
/// passphrase, the error answers, and signing with poppler's pdfsig from an NSS database, never with our code.
/// </summary>
public sealed class TestBsreService : IAsyncDisposable
{
    /// <summary>A registered NIK without a certificate (answers 2021).</summary>
    public const string NikWithoutCertificate = "7601012301800003";

    private readonly WebApplication app;
    private int signCalls;

    private TestBsreService(WebApplication app) => this.app = app;

    /// <summary>Base address, as Bsre:Url takes it.</summary>
    public string Url { get; private set; } = "";
    /// <summary>The client user this server was given.</summary>
    public string User { get; } = "tte-sulbar";
    /// <summary>The client user's password.</summary>
    public string Password { get; } = "client-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    /// <summary>The official's passphrase, random per service, so a search for it in the database or logs means something.</summary>
    public string Passphrase { get; } = "tte-rahasia-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    /// <summary>How sign calls are answered now.</summary>
    public BsreTestMode Mode { get; set; }
    /// <summary>Sign calls that reached the signing stage (passed auth and passphrase).</summary>
    public int Signed => Volatile.Read(ref signCalls);
    /// <summary>The last sign request's signatureProperties, as received.</summary>
    public JsonNode? LastProperties { get; private set; }

    public static async Task<TestBsreService> StartAsync()
    {
        _ = BsreTestPki.Instance;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => { k.Listen(IPAddress.Loopback, 0); k.Limits.MaxRequestBodySize = 200 * 1024 * 1024; });
        var app = builder.Build();
        var service = new TestBsreService(app);
        app.MapPost("/api/v2/sign/pdf", (Delegate)service.SignAsync);
        app.MapPost("/api/v2/user/check/status", (Delegate)service.StatusAsync);
        await app.StartAsync();
        service.Url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return service;
    }

    /// <summary>Writes the client user and password files Bsre:UserFile and Bsre:PasswordFile name.</summary>
    public (string UserFile, string PasswordFile) WriteClientFiles(string directory, string? password = null)
    {
        var user = Path.Combine(directory, "bsre.user");
        var pass = Path.Combine(directory, "bsre.pass");
        File.WriteAllText(user, User + "\n");
        File.WriteAllText(pass, (password ?? Password) + "\n");
        return (user, pass);
    }

    private async Task<IResult> SignAsync(HttpContext http)
    {
        if (!Authorized(http)) return Error(401, "Unauthorized", HttpStatusCode.Unauthorized);
        var body = await JsonNode.ParseAsync(http.Request.Body);
        if (Mode == BsreTestMode.Down) return Results.StatusCode(503);
        if (Mode == BsreTestMode.Slow) await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted);
        if (Mode == BsreTestMode.Fault) return Error(500, "Internal server error", HttpStatusCode.InternalServerError);
        var properties = body?["signatureProperties"] as JsonArray;
        LastProperties = properties?.DeepClone();
        if (properties is not { Count: > 0 } || properties.Any(p => p?["tampilan"]?.GetValue<string>() is not ("VISIBLE" or "INVISIBLE")))
            return Error(400, "signatureProperties dengan tampilan wajib diisi", HttpStatusCode.BadRequest);
        var (registered, user) = Find(body!);
        if (!registered) return Error(2011, "User tidak terdaftar", HttpStatusCode.BadRequest);
        if (user is null) return Error(2021, "User belum memiliki sertifikat", HttpStatusCode.BadRequest);
        if (body!["passphrase"]?.GetValue<string>() != Passphrase) return Error(2031, "Passphrase anda salah", HttpStatusCode.BadRequest);
        if (body["file"] is not JsonArray files || files.Count == 0) return Error(400, "file wajib diisi", HttpStatusCode.BadRequest);
        Interlocked.Increment(ref signCalls);
        var nick = Mode == BsreTestMode.OtherCertificate ? BsreTestPki.Other.Nick : user.Nick;
        var signed = new JsonArray();
        foreach (var file in files)
        {
            var pdf = PdfSign(Convert.FromBase64String(file!.GetValue<string>()), nick);
            if (pdf is null) return Error(500, "Dokumen tidak valid", HttpStatusCode.InternalServerError);
            signed.Add(Convert.ToBase64String(pdf));
        }
        return Results.Json(new JsonObject { ["time"] = 42, ["file"] = signed });
    }

    private async Task<IResult> StatusAsync(HttpContext http)
    {
        if (!Authorized(http)) return Error(401, "Unauthorized", HttpStatusCode.Unauthorized);
        if (Mode == BsreTestMode.Down) return Results.StatusCode(503);
        var body = await JsonNode.ParseAsync(http.Request.Body);
        var (registered, user) = Find(body!);
        var status = !registered ? "NOT_REGISTERED" : user is null ? "NO_CERTIFICATE" : "ISSUE";
        return Results.Json(new JsonObject { ["status_code"] = 1111, ["status"] = status, ["message"] = $"status {status}" });
    }

    // Registered without a user: the official has no certificate yet.
    private static (bool Registered, BsreTestUser? User) Find(JsonNode body)
    {
        var nik = body["nik"]?.GetValue<string>();
        var email = body["email"]?.GetValue<string>();
        if (nik == NikWithoutCertificate) return (true, null);
        var user = new[] { BsreTestPki.Official, BsreTestPki.Other }.FirstOrDefault(u => u.Nik == nik || u.Email == email);
        return (user is not null, user);
    }

    private bool Authorized(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(header), Encoding.ASCII.GetBytes(expected));
    }

    private byte[]? PdfSign(byte[] input, string nick)
    {
        using var work = new TempDirectory();
        var source = work.File("in.pdf");
        File.WriteAllBytes(source, input);
        if (Mode == BsreTestMode.Rewritten)
        {
            var rewritten = work.File("rewritten.pdf");
            if (ExternalTool.Run("qpdf", source, rewritten).ExitCode is not (0 or 3)) return null;
            source = rewritten;
        }
        var output = work.File("out.pdf");
        var result = ExternalTool.Run("pdfsig", "-add-signature", "-nssdir", "sql:" + BsreTestPki.Instance.NssDirectory, "-nick", nick,
            "-reason", "Ditandatangani secara elektronik (BSrE test)", source, output);
        return result.ExitCode == 0 && File.Exists(output) ? File.ReadAllBytes(output) : null;
    }

    private static IResult Error(int code, string error, HttpStatusCode status) =>
        Results.Json(new JsonObject { ["error"] = error, ["status_code"] = code }, statusCode: (int)status);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
