namespace Worker.Pdf.Keys;

/// <summary>The signing key cannot be used (missing file, wrong password, expired certificate); one line.</summary>
public sealed class SigningKeyException(string message, Exception? inner = null) : Exception(message, inner);
