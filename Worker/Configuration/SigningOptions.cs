namespace Worker.Configuration;

/// <summary><c>Worker:Signing</c>: how the sign-and-file job retries before a document is marked Failed.</summary>
public sealed class SigningOptions
{
    /// <summary>Retries after the first attempt.</summary>
    public int Retries { get; set; } = 3;
    /// <summary>Wait before the first retry; each further retry waits twice as long.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Operators are warned this long before a signer certificate expires.</summary>
    public TimeSpan CertificateWarning { get; set; } = TimeSpan.FromDays(30);
    /// <summary>How often every signer is checked (a test signature, its certificate and chain), and once at start.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(5);
}
