namespace Worker.Pdf.Timestamps;

/// <summary>
/// The room a signature reserves for the tokens of one TSA: the largest token seen from it plus a margin. Its stamper
/// records every token it accepts, so a TSA that starts sending longer tokens (a new certificate chain) gets the room
/// from the next signature on. Shared by the stampers for one TSA, it makes the first probe the only one.
/// </summary>
public sealed class TokenReserve
{
    /// <summary>The largest token a signature makes room for (its /Contents doubles it in hex); a TSA sending larger ones is refused.</summary>
    public const int MaxTokenBytes = 64 * 1024;

    // Between two tokens of one TSA only the serial (at most 20 octets), the genTime fraction, the nonce, the DER integers
    // of an ECDSA signature and the length prefixes around them change size, together under 100 bytes; 512 is five times that.
    internal const int MarginBytes = 512;

    private readonly SemaphoreSlim _probe = new(1, 1);
    private int _largest;

    /// <summary>The largest token recorded so far; 0 before the first.</summary>
    public int LargestToken => Volatile.Read(ref _largest);

    /// <summary>Bytes to reserve: the largest token so far plus the margin; 0 before the first token.</summary>
    public int Bytes => LargestToken == 0 ? 0 : LargestToken + MarginBytes;

    /// <summary>Records a token of <paramref name="length"/> bytes.</summary>
    public void Record(int length)
    {
        var seen = Volatile.Read(ref _largest);
        while (length > seen)
        {
            var previous = Interlocked.CompareExchange(ref _largest, length, seen);
            if (previous == seen) return;
            seen = previous;
        }
    }

    /// <summary>The reserve, first running <paramref name="probe"/> (which records a token) when none is known; concurrent callers wait for one probe.</summary>
    public async Task<int> BytesAsync(Func<CancellationToken, Task> probe, CancellationToken ct)
    {
        if (Bytes > 0) return Bytes;
        await _probe.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (Bytes == 0) await probe(ct).ConfigureAwait(false);
            return Bytes;
        }
        finally
        {
            _probe.Release();
        }
    }
}
