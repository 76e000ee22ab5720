namespace Worker.Configuration;

/// <summary><c>Worker:Signers:NAME:Csc</c>: a remote signing service speaking the Cloud Signature Consortium API v2.</summary>
public sealed class CscOptions
{
    /// <summary>Base address of the API, the part before <c>credentials/info</c>, e.g. https://tte.example.go.id/csc/v2.</summary>
    public string Url { get; set; } = "";
    /// <summary>File holding the OAuth2 client id the service issued to this server (client credentials grant).</summary>
    public string ClientIdFile { get; set; } = "";
    /// <summary>File holding that client's secret.</summary>
    public string ClientSecretFile { get; set; } = "";
    /// <summary>How long one call may take before the service counts as unreachable.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
