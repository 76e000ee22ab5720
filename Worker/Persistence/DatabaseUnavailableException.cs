namespace Worker.Persistence;

/// <summary>PostgreSQL could not be reached at start; the message is safe to show (no password).</summary>
public sealed class DatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);
