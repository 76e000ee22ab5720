namespace Worker.Configuration;

/// <summary>A wrong setting or configuration file: reported by the command line as one line, exit code 2.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
