using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Worker.Configuration;
using Worker.Pdf.Keys;

namespace Worker.Signing.Csc;

/// <summary>
/// Calls one CSC API v2 service for one credential: an OAuth2 client-credentials token, then credentials/info,
/// credentials/authorize (the PIN/OTP the official typed, bound to the hashes to sign) and signatures/signHash. The PIN
/// goes from the caller's memory into one request body, which is wiped after the call; no message carries it.
/// </summary>
public sealed class CscClient(HttpClient http, CscOptions options, string credentialId)
{
    private const int MaxAnswerBytes = 1024 * 1024;

    // One client serves one signing (or one check): the token is asked for once.
    private string? accessToken;

    /// <summary>The credential's certificate chain and key algorithm; refused when the key or certificate cannot sign.</summary>
    public async Task<CscCredential> CredentialAsync(CancellationToken ct)
    {
        var token = await TokenAsync(ct);
        using var answer = await PostJsonAsync(CscWire.InfoPath, token, json =>
        {
            json.WriteString(CscWire.CredentialId, credentialId);
            json.WriteString(CscWire.Certificates, CscWire.Chain);
            json.WriteBoolean(CscWire.CertInfo, true);
            json.WriteBoolean(CscWire.AuthInfo, true);
        }, null, ct);
        return CscCredentialReader.Read(answer.RootElement);
    }

    /// <summary>Authorizes with <paramref name="secret"/> for exactly these hashes, then signs them: one raw signature value per hash.</summary>
    public async Task<IReadOnlyList<byte[]>> SignHashesAsync(
        PersonalSecret secret, string secretKind, IReadOnlyList<byte[]> hashes, string signAlgorithm, CancellationToken ct)
    {
        var token = await TokenAsync(ct);
        string sad;
        using (var authorized = await PostJsonAsync(CscWire.AuthorizePath, token, json =>
        {
            json.WriteString(CscWire.CredentialId, credentialId);
            json.WriteNumber(CscWire.NumSignatures, hashes.Count);
            WriteHashes(json, hashes);
            json.WriteStartArray(CscWire.AuthData);
            json.WriteStartObject();
            json.WriteString(CscWire.Id, secretKind == "Otp" ? CscWire.Otp : CscWire.Pin);
            json.WriteString(CscWire.Value, secret.Reveal());
            json.WriteEndObject();
            json.WriteEndArray();
        }, secret, ct))
        {
            sad = Text(authorized.RootElement, CscWire.Sad);
            if (sad.Length == 0) throw Refused("jawaban credentials/authorize tanpa SAD / the credentials/authorize answer holds no SAD");
        }
        using var signed = await PostJsonAsync(CscWire.SignHashPath, token, json =>
        {
            json.WriteString(CscWire.CredentialId, credentialId);
            json.WriteString(CscWire.Sad, sad);
            WriteHashes(json, hashes);
            json.WriteString(CscWire.SignAlgo, signAlgorithm);
        }, secret, ct);
        try
        {
            var values = signed.RootElement.TryGetProperty(CscWire.Signatures, out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetBytesFromBase64() : null).ToList()
                : null;
            if (values is null || values.Count != hashes.Count || values.Any(v => v is null || v.Length == 0))
                throw Refused($"jawaban signatures/signHash tanpa {hashes.Count} tanda tangan / the signatures/signHash answer does not hold {hashes.Count} signature(s)");
            return values!;
        }
        catch (FormatException e)
        {
            throw Refused("tanda tangan dalam jawaban bukan base64 / a signature in the answer is not base64", e);
        }
    }

    private static void WriteHashes(Utf8JsonWriter json, IReadOnlyList<byte[]> hashes)
    {
        json.WriteStartArray(CscWire.Hashes);
        foreach (var h in hashes) json.WriteBase64StringValue(h);
        json.WriteEndArray();
        json.WriteString(CscWire.HashAlgorithmOid, CscWire.Sha256);
    }

    // The client credentials grant (RFC 6749 4.4) with the id and secret in the form body, as CSC's oauth2/token takes them.
    private async Task<string> TokenAsync(CancellationToken ct)
    {
        if (accessToken is not null) return accessToken;
        var (id, secret) = (ReadFile(options.ClientIdFile).Trim(), ReadFile(options.ClientSecretFile).TrimEnd('\r', '\n'));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [CscWire.GrantType] = CscWire.ClientCredentials, [CscWire.ClientId] = id, [CscWire.ClientSecret] = secret,
        });
        using var answer = await SendAsync(CscWire.TokenPath, form, null, null, ct, token: true);
        var access = Text(answer.RootElement, CscWire.AccessToken);
        return accessToken = access.Length > 0 ? access : throw Refused("jawaban oauth2/token tanpa access_token / the oauth2/token answer holds no access_token");
    }

    private async Task<JsonDocument> PostJsonAsync(string path, string token, Action<Utf8JsonWriter> write, PersonalSecret? secret, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }
        var body = buffer.ToArray();
        CryptographicOperations.ZeroMemory(buffer.GetBuffer());
        try
        {
            using var content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
            return await SendAsync(path, content, token, secret, ct);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(body);
        }
    }

    private async Task<JsonDocument> SendAsync(string path, HttpContent content, string? bearer, PersonalSecret? secret, CancellationToken ct, bool token = false)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(options.Url.TrimEnd('/') + "/"), path)) { Content = content };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var bytes = await ReadLimitedAsync(response.Content, timeout.Token);
            JsonDocument? json = null;
            try { json = JsonDocument.Parse(bytes); }
            catch (JsonException) when (!response.IsSuccessStatusCode) { }
            catch (JsonException e) { throw Refused($"jawaban {path} bukan JSON / the {path} answer is not JSON", e); }
            if (response.IsSuccessStatusCode && json!.RootElement.ValueKind == JsonValueKind.Object) return json;
            using (json) throw Failure(path, response.StatusCode, json?.RootElement, secret, token);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw Unavailable($"{path} tidak menjawab dalam {options.Timeout} / no answer to {path} within {options.Timeout}", e);
        }
        catch (HttpRequestException e)
        {
            throw Unavailable($"tidak dapat dihubungi / cannot be reached ({e.HttpRequestError})", e);
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, CancellationToken ct) =>
        await BoundedAnswer.ReadAsync(content, MaxAnswerBytes, ct)
            ?? throw Refused($"jawaban lebih dari {MaxAnswerBytes} bita / the answer is larger than {MaxAnswerBytes} bytes");

    private static CscException Failure(string path, HttpStatusCode status, JsonElement? root, PersonalSecret? secret, bool token)
    {
        var error = root is { ValueKind: JsonValueKind.Object } r ? Text(r, CscWire.Error) : "";
        var said = root is { ValueKind: JsonValueKind.Object } o ? Text(o, CscWire.ErrorDescription) : "";
        // The service's own words reach operators; a service that echoes the PIN must not leak it.
        if (secret is not null) (error, said) = (secret.RedactFrom(error), secret.RedactFrom(said));
        said = said.Length > 200 ? said[..200] : said;
        var detail = $"{path}: HTTP {(int)status}{(error.Length > 0 ? $" {error}" : "")}{(said.Length > 0 ? $": {said}" : "")}";
        if (path == CscWire.AuthorizePath && WrongSecret(status, error, said))
            return new(CscFailure.WrongSecret, $"PIN/OTP TTE salah / wrong signing PIN or OTP ({detail})");
        if (status == HttpStatusCode.Unauthorized || token && (int)status is >= 400 and < 500)
            return new(CscFailure.ClientRejected, $"Layanan CSC menolak klien server ini / the CSC service refused this server's client credentials ({detail})");
        if (path == CscWire.SignHashPath && (error == CscWire.InvalidSad || said.Contains(CscWire.Sad, StringComparison.Ordinal)))
            return new(CscFailure.SadExpired, $"Otorisasi tanda tangan (SAD) ditolak atau kedaluwarsa; coba lagi / the signature authorization (SAD) was refused or expired; try again ({detail})");
        if ((int)status >= 500) return Unavailable($"galat layanan / service fault ({detail})");
        return Refused($"permintaan ditolak / request refused ({detail})");
    }

    // v2 names the codes invalid_pin/invalid_otp; older services say invalid_request with a description naming the PIN or OTP.
    private static bool WrongSecret(HttpStatusCode status, string error, string said) =>
        status == HttpStatusCode.BadRequest && (CscWire.WrongSecretErrors.Contains(error)
            || error == "invalid_request" && (said.Contains(CscWire.Pin, StringComparison.OrdinalIgnoreCase) || said.Contains(CscWire.Otp, StringComparison.OrdinalIgnoreCase))
               && said.Contains("invalid", StringComparison.OrdinalIgnoreCase));

    private static string ReadFile(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CscException(CscFailure.ClientRejected, $"berkas klien CSC tidak terbaca / cannot read the CSC client file {path}: {e.Message}", e);
        }
    }

    internal static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    private static CscException Unavailable(string what, Exception? inner = null) =>
        new(CscFailure.Unavailable, $"Layanan tanda tangan CSC tidak tersedia / the CSC signing service is unavailable: {what}", inner);

    internal static CscException Refused(string what, Exception? inner = null) =>
        new(CscFailure.Refused, $"Layanan CSC menolak / the CSC service refused: {what}", inner);
}
