using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Asn1.Nist;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Signing.Bsre;
using Worker.Tests.Support.Pki;

namespace Worker.Tests.Signing.Csc;

/// <summary>
/// A CSC API v2 service on a random loopback port: OAuth2 client credentials, credentials/info, credentials/authorize
/// checking the PIN and issuing a one-use SAD bound to the hashes, signatures/signHash signing with BouncyCastle (never
/// our engine) with keys of the test "BSrE" CA (RSA) and the demo CA (ECDSA P-256).
/// </summary>
public sealed class TestCscService : IAsyncDisposable
{
    private sealed record Sad(string CredentialId, string[] Hashes, DateTimeOffset Expires);

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, bool> tokens = new();
    private readonly ConcurrentDictionary<string, Sad> sads = new();
    private readonly Dictionary<string, CscTestCredential> credentials;
    private int signCalls;

    private TestCscService(WebApplication app, Dictionary<string, CscTestCredential> credentials) => (this.app, this.credentials) = (app, credentials);

    /// <summary>The official's RSA credential (certificate of the test BSrE CA with the official's NIK).</summary>
    public CscTestCredential Official => credentials["official-rsa"];
    /// <summary>Another official's RSA credential.</summary>
    public CscTestCredential Other => credentials["other-rsa"];
    /// <summary>An ECDSA P-256 credential (demo CA).</summary>
    public CscTestCredential Ec => credentials["demo-p256"];
    /// <summary>API base address, as Csc:Url takes it.</summary>
    public string Url { get; private set; } = "";
    /// <summary>This server's OAuth2 client id.</summary>
    public string ClientId { get; } = "tte-sulbar";
    /// <summary>This server's OAuth2 client secret, random per service.</summary>
    public string ClientSecret { get; } = "csc-client-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    /// <summary>How calls are answered now.</summary>
    public CscTestMode Mode { get; set; }
    /// <summary>signHash calls that produced signatures.</summary>
    public int Signed => Volatile.Read(ref signCalls);
    /// <summary>The hashes of the last accepted authorize call, base64.</summary>
    public string[] LastAuthorizedHashes { get; private set; } = [];

    public static async Task<TestCscService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var bsre = BsreTestPki.Instance;
        var all = new[]
        {
            Credential("official-rsa", bsre.KeysOf(BsreTestPki.Official), Pin("1357")),
            Credential("other-rsa", bsre.KeysOf(BsreTestPki.Other), Pin("2468")),
            Credential("demo-p256", DemoPki.Instance.EcP256, Pin("9753")),
        }.ToDictionary(c => c.Id);
        var service = new TestCscService(app, all);
        app.MapPost("/csc/v2/oauth2/token", (Delegate)service.TokenAsync);
        app.MapPost("/csc/v2/credentials/info", (Delegate)service.InfoAsync);
        app.MapPost("/csc/v2/credentials/authorize", (Delegate)service.AuthorizeAsync);
        app.MapPost("/csc/v2/signatures/signHash", (Delegate)service.SignHashAsync);
        await app.StartAsync();
        service.Url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/csc/v2";
        return service;
    }

    // Long enough that a search for it in dumps, logs and PDFs finds only a real leak.
    private static string Pin(string prefix) => prefix + string.Concat(Enumerable.Range(0, 12).Select(_ => RandomNumberGenerator.GetInt32(10)));

    /// <summary>Writes the client id and secret files Csc:ClientIdFile and Csc:ClientSecretFile name.</summary>
    public (string IdFile, string SecretFile) WriteClientFiles(string directory, string? secret = null)
    {
        var id = Path.Combine(directory, $"csc-{Guid.NewGuid():N}.id");
        var pass = Path.Combine(directory, $"csc-{Guid.NewGuid():N}.secret");
        File.WriteAllText(id, ClientId + "\n");
        File.WriteAllText(pass, (secret ?? ClientSecret) + "\n");
        return (id, pass);
    }

    private static CscTestCredential Credential(string id, KeyFiles files, string pin)
    {
        using var stream = File.OpenRead(files.Pkcs12);
        var store = new Pkcs12StoreBuilder().Build();
        store.Load(stream, File.ReadAllText(files.PasswordFile).TrimEnd('\r', '\n').ToCharArray());
        var alias = store.Aliases.Cast<string>().First(store.IsKeyEntry);
        var chain = store.GetCertificateChain(alias).Select(c => X509CertificateLoader.LoadCertificate(c.Certificate.GetEncoded())).ToList();
        return new CscTestCredential(id, chain, store.GetKey(alias).Key, pin);
    }

    private async Task<IResult> TokenAsync(HttpContext http)
    {
        if (Mode == CscTestMode.Down) return Results.StatusCode(503);
        var form = await http.Request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials") return Error(400, "unsupported_grant_type", "grant_type must be client_credentials");
        if (form["client_id"] != ClientId || !Same(form["client_secret"].ToString(), ClientSecret)) return Error(400, "invalid_client", "Invalid client credentials");
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        tokens[token] = true;
        return Results.Json(new JsonObject { ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = 3600 });
    }

    private async Task<IResult> InfoAsync(HttpContext http)
    {
        var (refusal, body) = await Begin(http);
        if (refusal is not null) return refusal;
        if (Find(body!) is not { } credential) return Error(400, "invalid_request", "Invalid parameter credentialID");
        var certificates = new JsonArray(credential.Chain.Select(c => (JsonNode)Convert.ToBase64String(c.RawData)).ToArray());
        var rsa = credential.Key is RsaKeyParameters;
        return Results.Json(new JsonObject
        {
            ["key"] = new JsonObject
            {
                ["status"] = "enabled", ["algo"] = new JsonArray(rsa ? "1.2.840.113549.1.1.1" : "1.2.840.10045.2.1"), ["len"] = rsa ? 2048 : 256,
            },
            ["cert"] = new JsonObject { ["status"] = "valid", ["certificates"] = certificates, ["subjectDN"] = credential.Chain[0].Subject },
            ["auth"] = new JsonObject
            {
                ["mode"] = "explicit",
                ["objects"] = new JsonArray(new JsonObject { ["type"] = "Password", ["id"] = "PIN", ["format"] = "N", ["label"] = "PIN" }),
            },
            ["SCAL"] = "2", ["multisign"] = 1,
        });
    }

    private async Task<IResult> AuthorizeAsync(HttpContext http)
    {
        var (refusal, body) = await Begin(http);
        if (refusal is not null) return refusal;
        if (Find(body!) is not { } credential) return Error(400, "invalid_request", "Invalid parameter credentialID");
        var hashes = (body!["hashes"] as JsonArray)?.Select(h => h?.GetValue<string>() ?? "").ToArray() ?? [];
        if (hashes.Length == 0 || body["numSignatures"]?.GetValue<int>() != hashes.Length)
            return Error(400, "invalid_request", "numSignatures must match the hashes (SCAL2)");
        if (body["hashAlgorithmOID"]?.GetValue<string>() != "2.16.840.1.101.3.4.2.1") return Error(400, "invalid_request", "Invalid parameter hashAlgorithmOID");
        var pin = (body["authData"] as JsonArray)?.FirstOrDefault(a => a?["id"]?.GetValue<string>() == "PIN")?["value"]?.GetValue<string>();
        if (pin is null) return Error(400, "invalid_request", "Missing authData PIN");
        if (!Same(pin, credential.Pin)) return Error(400, "invalid_pin", "The PIN is invalid");
        var sad = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var expires = DateTimeOffset.UtcNow + (Mode == CscTestMode.ExpiredSad ? TimeSpan.FromSeconds(-1) : TimeSpan.FromMinutes(5));
        sads[sad] = new Sad(credential.Id, hashes, expires);
        LastAuthorizedHashes = hashes;
        return Results.Json(new JsonObject { ["SAD"] = sad, ["expiresIn"] = 300 });
    }

    private async Task<IResult> SignHashAsync(HttpContext http)
    {
        var (refusal, body) = await Begin(http);
        if (refusal is not null) return refusal;
        if (Find(body!) is not { } credential) return Error(400, "invalid_request", "Invalid parameter credentialID");
        // One use: a replayed SAD signs nothing.
        if (!sads.TryRemove(body!["SAD"]?.GetValue<string>() ?? "", out var sad) || sad.CredentialId != credential.Id || sad.Expires < DateTimeOffset.UtcNow)
            return Error(400, "invalid_request", "Invalid SAD");
        var hashes = (body["hashes"] as JsonArray)?.Select(h => h?.GetValue<string>() ?? "").ToArray() ?? [];
        if (!hashes.SequenceEqual(sad.Hashes)) return Error(400, "invalid_request", "The hashes are not those the SAD authorizes");
        var algo = body["signAlgo"]?.GetValue<string>();
        var rsa = credential.Key is RsaKeyParameters;
        if (algo != (rsa ? "1.2.840.113549.1.1.1" : "1.2.840.10045.4.3.2")) return Error(400, "invalid_request", "Invalid parameter signAlgo");
        Interlocked.Increment(ref signCalls);
        var signatures = new JsonArray(hashes.Select(h => (JsonNode)Convert.ToBase64String(Sign(credential, Convert.FromBase64String(h), Mode == CscTestMode.RawEcdsa))).ToArray());
        return Results.Json(new JsonObject { ["signatures"] = signatures });
    }

    // RSA PKCS#1 v1.5 over DigestInfo(SHA-256, hash); ECDSA as the DER SEQUENCE of r and s (or r||s when asked).
    private static byte[] Sign(CscTestCredential credential, byte[] hash, bool rawEcdsa)
    {
        if (credential.Key is RsaKeyParameters)
        {
            var rsa = new RsaDigestSigner(new NullDigest(), NistObjectIdentifiers.IdSha256);
            rsa.Init(true, credential.Key);
            rsa.BlockUpdate(hash, 0, hash.Length);
            return rsa.GenerateSignature();
        }
        var ecdsa = new DsaDigestSigner(new ECDsaSigner(), new NullDigest(), rawEcdsa ? PlainDsaEncoding.Instance : StandardDsaEncoding.Instance);
        ecdsa.Init(true, credential.Key);
        ecdsa.BlockUpdate(hash, 0, hash.Length);
        return ecdsa.GenerateSignature();
    }

    private async Task<(IResult? Refusal, JsonNode? Body)> Begin(HttpContext http)
    {
        if (Mode == CscTestMode.Down) return (Results.StatusCode(503), null);
        if (Mode == CscTestMode.Slow) await Task.Delay(TimeSpan.FromSeconds(60), http.RequestAborted);
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !tokens.ContainsKey(header[7..]) || Mode == CscTestMode.RevokedToken)
            return (Error(401, "invalid_token", "The access token is not valid"), null);
        return (null, await JsonNode.ParseAsync(http.Request.Body));
    }

    private CscTestCredential? Find(JsonNode body)
    {
        var id = body["credentialID"]?.GetValue<string>() ?? "";
        if (!credentials.TryGetValue(id, out var credential)) return null;
        return Mode == CscTestMode.OtherCredential && id == Official.Id ? Other with { Pin = credential.Pin } : credential;
    }

    private static bool Same(string a, string b) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode: status);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
