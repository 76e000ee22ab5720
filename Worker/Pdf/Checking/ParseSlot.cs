namespace Worker.Pdf.Checking;

/// <summary>One taken <see cref="ParseSlots"/> slot; disposing it (once or more) frees it.</summary>
public sealed class ParseSlot(SemaphoreSlim free) : IDisposable
{
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) free.Release();
    }
}
