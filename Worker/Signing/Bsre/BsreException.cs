namespace Worker.Signing.Bsre;

/// <summary>A failed call to the Esign Client Service; the message is Indonesian first, then English, and never holds a secret.</summary>
public sealed class BsreException(BsreFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What went wrong, for the page and the retry decision.</summary>
    public BsreFailure Failure { get; } = failure;
}
