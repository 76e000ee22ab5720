namespace Worker.Pdf.Timestamps;

/// <summary>No valid timestamp token could be obtained; the message is one line naming the TSA and the reason.</summary>
public sealed class TimestampException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public TimestampException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
