namespace Worker.Configuration;

/// <summary><c>Worker:Signers:NAME:Bsre</c>: BSrE's Esign Client Service inside the agency's network.</summary>
public sealed class BsreOptions
{
    /// <summary>Base address of the service, e.g. http://10.0.0.5 (plain http is allowed inside the network, with a warning).</summary>
    public string Url { get; set; } = "";
    /// <summary>File holding the client user name the service's admin issued to this server.</summary>
    public string UserFile { get; set; } = "";
    /// <summary>File holding that client user's password.</summary>
    public string PasswordFile { get; set; } = "";
    /// <summary>API version: <c>V2</c> (JSON, the default) or <c>V1</c> (multipart, older installs).</summary>
    public string Api { get; set; } = "V2";
    /// <summary>Most files sent in one v2 sign call when a batch is signed under one secret.</summary>
    public int BatchSize { get; set; } = 10;
    /// <summary>How long one call may take before the service counts as unreachable.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(1);
}
