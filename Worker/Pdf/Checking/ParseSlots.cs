namespace Worker.Pdf.Checking;

/// <summary>
/// At most <c>capacity</c> uploaded files are parsed at once, so a burst of uploads costs bounded memory; a caller
/// that finds no free slot within a second is told to come back (HTTP 503 with Retry-After) instead of queueing.
/// </summary>
public sealed class ParseSlots(int capacity)
{
    /// <summary>Seconds a refused caller is asked to wait.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>What a refused caller is told, Indonesian first.</summary>
    public const string BusyMessage = "Layanan sedang memeriksa berkas lain; coba lagi beberapa detik lagi. / The service is checking other files; try again in a few seconds.";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _free = new(capacity, capacity);

    /// <summary>How many files may be parsed at once.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>A slot to dispose when the parse is over, or null when all are taken.</summary>
    public async Task<ParseSlot?> TryEnterAsync(CancellationToken ct) => await _free.WaitAsync(Wait, ct) ? new ParseSlot(_free) : null;
}
