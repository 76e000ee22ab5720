using System.Collections.Concurrent;
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
public sealed partial class TestBsreService : IAsyncDisposable
{
    /// <summary>A registered NIK without a certificate (answers 2021).</summary>
    public const string NikWithoutCertificate = "7601012301800003";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, string> sentCodes = new();
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
    /// <summary>Files in the last v2 sign call.</summary>
    public int LastFileCount { get; private set; }
    /// <summary>The PDFs of the last v2 sign call, as received.</summary>
    public IReadOnlyList<byte[]> LastFiles { get; private set; } = [];
    /// <summary>What the service does to a received PDF before it signs it (e.g. drops a revision); null signs it as received.</summary>
    public Func<byte[], byte[]>? Rework { get; set; }
    /// <summary>In a v2 sign call, the file at this index comes back rewritten (as <see cref="BsreTestMode.Rewritten"/>); -1 for none.</summary>
    public int RewriteFileIndex { get; set; } = -1;
    /// <summary>Certificate statuses to answer instead of the real one, by NIK (EXPIRED, SUSPEND, ...); such an official cannot sign.</summary>
    public ConcurrentDictionary<string, string> StatusOverrides { get; } = new();

    /// <summary>The TOTP code last "sent" to the official (by NIK or email), as their phone would show it; null when none is open.</summary>
    public string? SentCode(string nikOrEmail) => sentCodes.TryGetValue(nikOrEmail, out var code) ? code : null;

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
        app.MapPost("/api/v2/sign/get/totp", (Delegate)service.SendTotpAsync);
        service.MapV1(app);
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
        if (Mode == BsreTestMode.Slow) await Task.Delay(TimeSpan.FromMinutes(10), http.RequestAborted);
        if (Mode == BsreTestMode.Fault) return Error(500, "Internal server error", HttpStatusCode.InternalServerError);
        var properties = body?["signatureProperties"] as JsonArray;
        LastProperties = properties?.DeepClone();
        if (properties is not { Count: > 0 } || properties.Any(p => p?["tampilan"]?.GetValue<string>() is not ("VISIBLE" or "INVISIBLE")))
            return Error(400, "signatureProperties dengan tampilan wajib diisi", HttpStatusCode.BadRequest);
        var (registered, user) = Find(body!);
        if (!registered) return Error(2011, "User tidak terdaftar", HttpStatusCode.BadRequest);
        if (user is null) return Error(2021, "User belum memiliki sertifikat", HttpStatusCode.BadRequest);
        if (!SecretRight(body!, user)) return Error(2031, "Passphrase anda salah", HttpStatusCode.BadRequest);
        if (body!["file"] is not JsonArray files || files.Count == 0) return Error(400, "file wajib diisi", HttpStatusCode.BadRequest);
        if (properties.Count != 1 && properties.Count != files.Count)
            return Error(400, "jumlah signatureProperties tidak sesuai jumlah file", HttpStatusCode.BadRequest);
        Interlocked.Increment(ref signCalls);
        LastFileCount = files.Count;
        LastFiles = [.. files.Select(f => Convert.FromBase64String(f!.GetValue<string>()))];
        var nick = Mode == BsreTestMode.OtherCertificate ? BsreTestPki.Other.Nick : user.Nick;
        var signed = new JsonArray();
        for (var i = 0; i < files.Count; i++)
        {
            var received = LastFiles[i];
            var pdf = PdfSign(Rework is { } rework ? rework(received) : received, nick, rewrite: Mode == BsreTestMode.Rewritten || i == RewriteFileIndex);
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
        return StatusOf(body!);
    }

    private IResult StatusOf(JsonNode who)
    {
        var (registered, user) = Find(who);
        var status = !registered ? "NOT_REGISTERED" : StatusOverrides.TryGetValue(who["nik"]?.GetValue<string>() ?? "", out var o) ? o
            : user is null ? "NO_CERTIFICATE" : "ISSUE";
        return Results.Json(new JsonObject { ["status_code"] = 1111, ["status"] = status, ["message"] = $"status {status}" });
    }

    // The code goes to the official's phone; the test reads it from SentCode, as the official reads their phone.
    private async Task<IResult> SendTotpAsync(HttpContext http)
    {
        if (!Authorized(http)) return Error(401, "Unauthorized", HttpStatusCode.Unauthorized);
        if (Mode == BsreTestMode.Down) return Results.StatusCode(503);
        var body = await JsonNode.ParseAsync(http.Request.Body);
        var (registered, user) = Find(body!);
        if (!registered) return Error(2011, "User tidak terdaftar", HttpStatusCode.BadRequest);
        if (user is null) return Error(2021, "User belum memiliki sertifikat", HttpStatusCode.BadRequest);
        if (body!["data"]?.GetValue<int>() is not > 0) return Error(400, "data (jumlah file) wajib diisi", HttpStatusCode.BadRequest);
        // Longer than a real 6-digit code, so the tests' search for it in dumps and logs cannot hit a timestamp by chance.
        var code = "kode-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        sentCodes[user.Nik] = code;
        sentCodes[user.Email] = code;
        return Results.Json(new JsonObject { ["status_code"] = 1111, ["message"] = "TOTP telah dikirim" });
    }

    // A passphrase, or a TOTP code that was sent and is used once.
    private bool SecretRight(JsonNode body, BsreTestUser user)
    {
        if (body["totp"]?.GetValue<string>() is { } code)
            return sentCodes.TryGetValue(user.Nik, out var sent) && sent == code && sentCodes.TryRemove(user.Nik, out _) && sentCodes.TryRemove(user.Email, out _);
        return body["passphrase"]?.GetValue<string>() == Passphrase;
    }

    // Registered without a user: the official has no certificate yet.
    private (bool Registered, BsreTestUser? User) Find(JsonNode body)
    {
        var nik = body["nik"]?.GetValue<string>();
        var email = body["email"]?.GetValue<string>();
        if (nik == NikWithoutCertificate || (nik is not null && StatusOverrides.ContainsKey(nik))) return (true, null);
        var user = new[] { BsreTestPki.Official, BsreTestPki.Other }.FirstOrDefault(u => u.Nik == nik || u.Email == email);
        return (user is not null, user);
    }

    private bool Authorized(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(header), Encoding.ASCII.GetBytes(expected));
    }

    private static byte[]? PdfSign(byte[] input, string nick, bool rewrite)
    {
        using var work = new TempDirectory();
        var source = work.File("in.pdf");
        File.WriteAllBytes(source, input);
        if (rewrite)
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
