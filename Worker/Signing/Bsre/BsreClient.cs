using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Worker.Configuration;

namespace Worker.Signing.Bsre;

/// <summary>
/// Calls one Esign Client Service (API v2) with HTTP Basic auth. The passphrase goes from the caller's memory into the
/// request body and nowhere else; the body buffer is wiped after the call, and no message or log line carries it.
/// </summary>
public sealed class BsreClient(HttpClient http, BsreOptions options, long maxAnswerBytes)
{
    /// <summary>The signed PDF, one per input in the same order; throws <see cref="BsreException"/> on any refusal.</summary>
    public async Task<IReadOnlyList<byte[]>> SignPdfAsync(
        BsreIdentity who, PersonalSecret passphrase, IReadOnlyList<byte[]> files, BsreSignature signature, CancellationToken ct)
    {
        var body = SignBody(who, passphrase, files, signature);
        try
        {
            using var answer = await PostAsync(BsreWire.SignPdfPath, body, passphrase, ct);
            var signed = answer.RootElement.TryGetProperty(BsreWire.File, out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(f => f.ValueKind == JsonValueKind.String ? f.GetBytesFromBase64() : null).ToList()
                : null;
            if (signed is null || signed.Count != files.Count || signed.Any(f => f is null))
                throw Refused($"jawaban tanpa {files.Count} berkas / the answer does not hold {files.Count} file(s)");
            return signed!;
        }
        catch (FormatException e)
        {
            throw Refused("berkas dalam jawaban bukan base64 / a file in the answer is not base64", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(body);
        }
    }

    /// <summary>The certificate status of the official; signing is allowed only for ISSUE.</summary>
    public async Task<BsreUserStatus> CheckStatusAsync(BsreIdentity who, CancellationToken ct)
    {
        var (field, value) = who.Wire;
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { [field] = value });
        using var answer = await PostAsync(BsreWire.StatusPath, body, null, ct);
        var root = answer.RootElement;
        return new BsreUserStatus { Status = Text(root, BsreWire.Status), Message = Text(root, BsreWire.Message) };
    }

    private static byte[] SignBody(BsreIdentity who, PersonalSecret passphrase, IReadOnlyList<byte[]> files, BsreSignature signature)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            var (field, value) = who.Wire;
            json.WriteString(field, value);
            json.WriteString(BsreWire.Passphrase, passphrase.Reveal());
            // Installs refuse a sign call without tampilan; one entry applies to every file.
            json.WriteStartArray(BsreWire.SignatureProperties);
            json.WriteStartObject();
            if (signature.Stamp is { } stamp)
            {
                json.WriteString(BsreWire.Tampilan, BsreWire.Visible);
                json.WriteString(BsreWire.ImageBase64, Convert.ToBase64String(stamp.Png));
                json.WriteNumber(BsreWire.Page, stamp.Page);
                json.WriteNumber(BsreWire.OriginX, stamp.X);
                json.WriteNumber(BsreWire.OriginY, stamp.Y);
                json.WriteNumber(BsreWire.Width, stamp.Width);
                json.WriteNumber(BsreWire.Height, stamp.Height);
            }
            else
            {
                json.WriteString(BsreWire.Tampilan, BsreWire.Invisible);
            }
            json.WriteString(BsreWire.Reason, signature.Reason);
            json.WriteString(BsreWire.Location, signature.Location);
            json.WriteString(BsreWire.ContactInfo, signature.ContactInfo);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray(BsreWire.File);
            foreach (var f in files) json.WriteBase64StringValue(f);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        var bytes = buffer.ToArray();
        CryptographicOperations.ZeroMemory(buffer.GetBuffer());
        return bytes;
    }

    private async Task<JsonDocument> PostAsync(string path, byte[] body, PersonalSecret? secret, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(options.Url.TrimEnd('/') + "/"), path))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Credentials());
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var bytes = await ReadLimitedAsync(response.Content, timeout.Token);
            JsonDocument? json = null;
            try { json = JsonDocument.Parse(bytes); }
            catch (JsonException) when (!response.IsSuccessStatusCode) { }
            catch (JsonException e) { throw Refused("jawaban bukan JSON / the answer is not JSON", e); }
            if (response.IsSuccessStatusCode) return json!;
            using (json) throw Failure(response.StatusCode, json?.RootElement, secret);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw Unavailable($"tidak menjawab dalam {options.Timeout} / no answer within {options.Timeout}", e);
        }
        catch (HttpRequestException e)
        {
            throw Unavailable($"tidak dapat dihubungi / cannot be reached ({e.HttpRequestError})", e);
        }
    }

    private async Task<byte[]> ReadLimitedAsync(HttpContent content, CancellationToken ct) =>
        await BoundedAnswer.ReadAsync(content, maxAnswerBytes, ct)
            ?? throw Refused($"jawaban lebih dari {maxAnswerBytes} bita / the answer is larger than {maxAnswerBytes} bytes");

    private static BsreException Failure(HttpStatusCode status, JsonElement? root, PersonalSecret? secret)
    {
        var code = root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(BsreWire.StatusCode, out var c) && c.TryGetInt32(out var n) ? n : 0;
        var said = root is { ValueKind: JsonValueKind.Object } o ? Text(o, BsreWire.Error) : "";
        // The service's own words are shown to operators; a service that echoes the passphrase must not leak it.
        if (secret is not null) said = secret.RedactFrom(said);
        said = said.Length > 200 ? said[..200] : said;
        var detail = $"HTTP {(int)status}{(code > 0 ? $", kode {code}" : "")}{(said.Length > 0 ? $": {said}" : "")}";
        return code switch
        {
            BsreWire.WrongPassphraseCode => new(BsreFailure.WrongPassphrase, $"Passphrase TTE salah / wrong signing passphrase ({detail})"),
            BsreWire.NotRegisteredCode => new(BsreFailure.NotRegistered, $"Pengguna tidak terdaftar di BSrE / user not registered with BSrE ({detail})"),
            BsreWire.NoCertificateCode => new(BsreFailure.NoCertificate, $"Pengguna belum memiliki sertifikat / user has no certificate ({detail})"),
            _ when status == HttpStatusCode.Unauthorized =>
                new(BsreFailure.ClientRejected, $"Layanan BSrE menolak user dan password klien server ini / the BSrE service refused this server's client credentials ({detail})"),
            _ when (int)status >= 500 => Unavailable($"galat layanan / service fault ({detail})"),
            _ => Refused($"permintaan ditolak / request refused ({detail})"),
        };
    }

    private string Credentials()
    {
        var user = System.IO.File.ReadAllText(options.UserFile).Trim();
        var password = System.IO.File.ReadAllText(options.PasswordFile).TrimEnd('\r', '\n');
        return Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    private static BsreException Unavailable(string what, Exception? inner = null) =>
        new(BsreFailure.Unavailable, $"Layanan tanda tangan BSrE tidak tersedia / the BSrE signing service is unavailable: {what}", inner);

    private static BsreException Refused(string what, Exception? inner = null) =>
        new(BsreFailure.Refused, $"Layanan BSrE menolak / the BSrE service refused: {what}", inner);
}
