using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Worker.Configuration;

namespace Worker.Signing.Bsre;

/// <summary>
/// One call to an Esign Client Service, for both API versions: HTTP Basic auth from the client files, Bsre:Timeout, a cap on
/// the answer's size, and every failure mapped to a <see cref="BsreException"/> whose message never holds the secret.
/// </summary>
public sealed class BsreHttp(HttpClient http, BsreOptions options, long maxAnswerBytes)
{
    /// <summary>The body of a 2xx answer; throws <see cref="BsreException"/> for anything else.</summary>
    public async Task<byte[]> SendAsync(HttpMethod method, string path, HttpContent? content, PersonalSecret? secret, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        using var request = new HttpRequestMessage(method, new Uri(new Uri(options.Url.TrimEnd('/') + "/"), path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Credentials());
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var bytes = await ReadLimitedAsync(response.Content, timeout.Token);
            if (response.IsSuccessStatusCode) return bytes;
            JsonDocument? json = null;
            try { json = JsonDocument.Parse(bytes); }
            catch (JsonException) { }
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

    /// <summary>A 2xx answer read as JSON.</summary>
    public async Task<JsonDocument> JsonAsync(HttpMethod method, string path, HttpContent? content, PersonalSecret? secret, CancellationToken ct)
    {
        var bytes = await SendAsync(method, path, content, secret, ct);
        try { return JsonDocument.Parse(bytes); }
        catch (JsonException e) { throw Refused("jawaban bukan JSON / the answer is not JSON", e); }
    }

    /// <summary>The certificate status from an answer of either version's status call.</summary>
    public static BsreUserStatus Status(JsonElement root) =>
        new() { Status = Text(root, BsreWire.Status), Message = Text(root, BsreWire.Message) };

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
        var user = File.ReadAllText(options.UserFile).Trim();
        var password = File.ReadAllText(options.PasswordFile).TrimEnd('\r', '\n');
        return Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    /// <summary>The service cannot be reached, is too slow or failed: try again later.</summary>
    public static BsreException Unavailable(string what, Exception? inner = null) =>
        new(BsreFailure.Unavailable, $"Layanan tanda tangan BSrE tidak tersedia / the BSrE signing service is unavailable: {what}", inner);

    /// <summary>The service refused, or answered something we cannot use.</summary>
    public static BsreException Refused(string what, Exception? inner = null) =>
        new(BsreFailure.Refused, $"Layanan BSrE menolak / the BSrE service refused: {what}", inner);
}
