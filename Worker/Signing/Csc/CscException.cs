namespace Worker.Signing.Csc;

/// <summary>A failed call to a CSC service; the message is Indonesian first, then English, and never holds the PIN or a token.</summary>
public sealed class CscException(CscFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What went wrong, for the page and the retry decision.</summary>
    public CscFailure Failure { get; } = failure;
}
