namespace Worker.Tests.Signing.Csc;

/// <summary>How the test CSC service answers.</summary>
public enum CscTestMode
{
    /// <summary>Follows the contract: PIN checked, SAD bound to the hashes, signed with the credential's key.</summary>
    Normal,
    /// <summary>503 to every call, as a service behind a proxy that lost it.</summary>
    Down,
    /// <summary>Waits longer than any test timeout before answering.</summary>
    Slow,
    /// <summary>Issues tokens, then answers 401 to every call that presents one (revoked at once).</summary>
    RevokedToken,
    /// <summary>Issues SADs that have expired by the time signHash comes.</summary>
    ExpiredSad,
    /// <summary>Returns ECDSA values as r||s (IEEE P1363) instead of DER, as some services do.</summary>
    RawEcdsa,
    /// <summary>Describes and signs with another official's credential (a mixed-up or hostile service).</summary>
    OtherCredential,
}
