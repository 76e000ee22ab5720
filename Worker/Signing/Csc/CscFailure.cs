namespace Worker.Signing.Csc;

/// <summary>Why a call to a CSC signing service did not sign.</summary>
public enum CscFailure
{
    /// <summary>The official typed a wrong PIN or OTP; they may try again.</summary>
    WrongSecret,
    /// <summary>401, or the token endpoint refused this server's client id and secret.</summary>
    ClientRejected,
    /// <summary>The SAD was refused (expired or used) between authorize and signHash: try again.</summary>
    SadExpired,
    /// <summary>No answer in time, no connection, or a 5xx: try again later.</summary>
    Unavailable,
    /// <summary>The credential cannot sign (key disabled, certificate not valid, an authorization mode we cannot drive).</summary>
    CredentialUnusable,
    /// <summary>Any other refusal or an answer we cannot read.</summary>
    Refused,
}
