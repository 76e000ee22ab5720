using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Worker.Signing.Bsre;

/// <summary>
/// Calls an older Esign Client Service with API v1: one multipart POST per file that answers with the signed PDF's bytes,
/// and the status by NIK in the path. v1 knows no email identity and no TOTP (the validator refuses both).
/// </summary>
public sealed class BsreV1Client(BsreHttp http) : IBsreClient
{
    public async Task<IReadOnlyList<byte[]>> SignPdfAsync(
        BsreIdentity who, PersonalSecret secret, IReadOnlyList<byte[]> files, IReadOnlyList<BsreSignature> signatures, CancellationToken ct)
    {
        if (who.Nik.Length == 0 || who.Totp) throw new InvalidOperationException("BSrE API v1 signs only by NIK with a passphrase");
        var signed = new List<byte[]>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            var body = await BodyAsync(who, secret, files[i], signatures[signatures.Count == 1 ? 0 : i]);
            try
            {
                var answer = await http.SendAsync(HttpMethod.Post, BsreWire.V1SignPdfPath, body.Content, secret, ct);
                if (!answer.AsSpan().StartsWith("%PDF-"u8)) throw BsreHttp.Refused("jawaban bukan PDF / the answer is not a PDF");
                signed.Add(answer);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(body.Bytes);
            }
        }
        return signed;
    }

    public async Task<BsreUserStatus> CheckStatusAsync(BsreIdentity who, CancellationToken ct)
    {
        using var answer = await http.JsonAsync(HttpMethod.Get, BsreWire.V1StatusPath + Uri.EscapeDataString(who.Nik), null, null, ct);
        return BsreHttp.Status(answer.RootElement);
    }

    public Task RequestTotpAsync(BsreIdentity who, int files, CancellationToken ct) =>
        throw new InvalidOperationException("BSrE API v1 has no TOTP; use Bsre:Api V2 for Secret Totp");

    // Serialised once into a buffer we own, so the passphrase's copy in the body can be wiped after the call.
    private static async Task<(ByteArrayContent Content, byte[] Bytes)> BodyAsync(BsreIdentity who, PersonalSecret secret, byte[] file, BsreSignature signature)
    {
        using var form = new MultipartFormDataContent();
        var pdf = new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } };
        form.Add(pdf, BsreWire.V1File, "dokumen.pdf");
        form.Add(new StringContent(who.Nik), BsreWire.Nik);
        form.Add(new StringContent(secret.Reveal()), BsreWire.Passphrase);
        if (signature.Stamp is { } stamp)
        {
            form.Add(new StringContent(BsreWire.V1Visible), BsreWire.Tampilan);
            form.Add(new StringContent("true"), BsreWire.V1Image);
            var png = new ByteArrayContent(stamp.Png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } };
            form.Add(png, BsreWire.V1ImageTtd, "stempel.png");
            form.Add(new StringContent(stamp.Page.ToString(CultureInfo.InvariantCulture)), BsreWire.Page);
            form.Add(new StringContent(Number(stamp.X)), BsreWire.V1XAxis);
            form.Add(new StringContent(Number(stamp.Y)), BsreWire.V1YAxis);
            form.Add(new StringContent(Number(stamp.Width)), BsreWire.Width);
            form.Add(new StringContent(Number(stamp.Height)), BsreWire.Height);
        }
        else
        {
            form.Add(new StringContent(BsreWire.V1Invisible), BsreWire.Tampilan);
        }
        form.Add(new StringContent(signature.Reason), BsreWire.Reason);
        form.Add(new StringContent(signature.Location), BsreWire.Location);
        var bytes = await form.ReadAsByteArrayAsync();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = form.Headers.ContentType;
        return (content, bytes);
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
