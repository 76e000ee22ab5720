using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Worker.Signing.Bsre;

/// <summary>
/// Calls one Esign Client Service with API v2 (JSON). The secret goes from the caller's memory into the request body and
/// nowhere else; the body buffer is wiped after the call, and no message or log line carries it.
/// </summary>
public sealed class BsreClient(BsreHttp http) : IBsreClient
{
    public async Task<IReadOnlyList<byte[]>> SignPdfAsync(
        BsreIdentity who, PersonalSecret secret, IReadOnlyList<byte[]> files, IReadOnlyList<BsreSignature> signatures, CancellationToken ct)
    {
        if (signatures.Count != 1 && signatures.Count != files.Count)
            throw new ArgumentException($"{signatures.Count} signature properties for {files.Count} files", nameof(signatures));
        var body = SignBody(who, secret, files, signatures);
        try
        {
            using var answer = await http.JsonAsync(HttpMethod.Post, BsreWire.SignPdfPath, Json(body), secret, ct);
            var signed = answer.RootElement.TryGetProperty(BsreWire.File, out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(f => f.ValueKind == JsonValueKind.String ? f.GetBytesFromBase64() : null).ToList()
                : null;
            if (signed is null || signed.Count != files.Count || signed.Any(f => f is null))
                throw BsreHttp.Refused($"jawaban tanpa {files.Count} berkas / the answer does not hold {files.Count} file(s)");
            return signed!;
        }
        catch (FormatException e)
        {
            throw BsreHttp.Refused("berkas dalam jawaban bukan base64 / a file in the answer is not base64", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(body);
        }
    }

    public async Task<BsreUserStatus> CheckStatusAsync(BsreIdentity who, CancellationToken ct)
    {
        var (field, value) = who.Wire;
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { [field] = value });
        using var answer = await http.JsonAsync(HttpMethod.Post, BsreWire.StatusPath, Json(body), null, ct);
        return BsreHttp.Status(answer.RootElement);
    }

    public async Task RequestTotpAsync(BsreIdentity who, int files, CancellationToken ct)
    {
        var (field, value) = who.Wire;
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { [field] = value, [BsreWire.TotpFiles] = files });
        await http.SendAsync(HttpMethod.Post, BsreWire.TotpPath, Json(body), null, ct);
    }

    private static ByteArrayContent Json(byte[] body) => new(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

    private static byte[] SignBody(BsreIdentity who, PersonalSecret secret, IReadOnlyList<byte[]> files, IReadOnlyList<BsreSignature> signatures)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            var (field, value) = who.Wire;
            json.WriteString(field, value);
            json.WriteString(who.Totp ? BsreWire.Totp : BsreWire.Passphrase, secret.Reveal());
            // Installs refuse a sign call without tampilan: one entry per file, or one that applies to every file.
            json.WriteStartArray(BsreWire.SignatureProperties);
            foreach (var signature in signatures) Properties(json, signature);
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

    private static void Properties(Utf8JsonWriter json, BsreSignature signature)
    {
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
    }
}
