using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Worker.Configuration;
using Worker.Pdf.Keys;
using Worker.Pdf.Pades;
using Worker.Pdf.Signatures;
using Worker.Pdf.Stamp;
using Worker.Pdf.Timestamps;

namespace Worker.Cli;

/// <summary>
/// Our PAdES engine as the <c>sign</c> command drives it: its options (--visible, --reason, --hash, --tsa, ...) around any
/// key, local or remote. It remembers why a stamp was left out, per output, for the file's line.
/// </summary>
internal sealed class CommandLineEngine(SignSettings settings, HttpTimeStamper? timestamper)
{
    // Where the stamp goes when --visible is given, as in the default route's configuration.
    private const double StampX = 360, StampY = 40, StampWidth = 200, StampHeight = 80;

    // The standalone command reads no office settings, so the stamp uses the default office zone (WITA).
    private static readonly TimeZoneInfo OfficeZone = new OfficeHoursOptions().Zone();

    private readonly ConcurrentDictionary<string, string> notes = new(StringComparer.Ordinal);

    /// <summary>Signs <paramref name="input"/> into <paramref name="output"/> with <paramref name="key"/>; the engine verifies its own output.</summary>
    public async Task<PdfSignResult> SignAsync(string input, string output, IDigestSigner key, string name, string position,
        X509Certificate2Collection? trust, CancellationToken ct)
    {
        // The stamp shows the same time as /M.
        var now = DateTimeOffset.Now;
        var result = await PdfSigner.SignAsync(new PdfSignRequest
        {
            InputPath = input,
            OutputPath = output,
            Signer = key,
            Hash = settings.Hash,
            Reason = settings.Reason,
            Location = settings.Location,
            Name = name,
            ContactInfo = settings.Contact,
            TrustAnchors = trust,
            TimeStamper = timestamper,
            SigningTime = now,
            Visible = settings.Visible ? Stamp(name, position, input, now) : null,
        }, ct);
        if (result.StampNote is { } note) notes[output] = note;
        return result;
    }

    /// <summary>Why the stamp asked for on <paramref name="output"/> was left out; null when it was placed or not asked for.</summary>
    public string? NoteFor(string output) => notes.TryGetValue(output, out var note) ? note : null;

    private VisibleSignature Stamp(string name, string position, string input, DateTimeOffset signedAt) =>
        StampedSignature.Create(new StampContent
        {
            SignerName = name,
            Position = position,
            SignedAt = signedAt,
            TimeZone = OfficeZone,
            TimeZoneLabel = OfficeTime.Label(signedAt, OfficeZone),
            Reason = settings.Reason,
            // Without a verification page to point to, the QR code at least names the signed file.
            VerifyUrl = settings.VerifyUrl ?? Path.GetFileName(input),
        }, settings.PageIndex, StampX, StampY, StampWidth, StampHeight);
}
