namespace Worker.Signing.Bsre;

/// <summary>Why a call to the Esign Client Service did not sign.</summary>
public enum BsreFailure
{
    /// <summary>2031: the official typed a wrong passphrase; they may try again.</summary>
    WrongPassphrase,
    /// <summary>2011: BSrE does not know the NIK or email.</summary>
    NotRegistered,
    /// <summary>2021, or a status other than ISSUE: the official has no certificate that may sign.</summary>
    NoCertificate,
    /// <summary>401: the service refused this server's client user and password.</summary>
    ClientRejected,
    /// <summary>No answer in time, no connection, or a 5xx: try again later.</summary>
    Unavailable,
    /// <summary>Any other refusal or an answer we cannot read.</summary>
    Refused,
}
