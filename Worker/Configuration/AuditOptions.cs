namespace Worker.Configuration;

/// <summary><c>Worker:Audit</c>: the key that signs the record of the audit trail's head, kept outside the database.</summary>
public sealed class AuditOptions
{
    /// <summary>File with a random secret (at least 32 bytes); an HMAC with it guards the head record in the data directory.</summary>
    public string HeadKeyFile { get; set; } = "";
}
