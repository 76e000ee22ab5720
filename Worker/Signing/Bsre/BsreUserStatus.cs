namespace Worker.Signing.Bsre;

/// <summary>The answer of /api/v2/user/check/status.</summary>
public sealed record BsreUserStatus
{
    /// <summary>ISSUE, EXPIRED, RENEW, WAITING_FOR_VERIFICATION, NEW, NO_CERTIFICATE, NOT_REGISTERED, SUSPEND or REVOKE.</summary>
    public required string Status { get; init; }
    /// <summary>The service's own words.</summary>
    public required string Message { get; init; }
    /// <summary>The certificate may sign now.</summary>
    public bool CanSign => Status == BsreWire.Issued;
}
