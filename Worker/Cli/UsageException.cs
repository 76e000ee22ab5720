namespace Worker.Cli;

/// <summary>Wrong arguments or configuration: reported as one line, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
