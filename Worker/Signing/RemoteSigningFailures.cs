using Worker.Signing.Bsre;
using Worker.Signing.Csc;

namespace Worker.Signing;

/// <summary>How a signing at approval failed, read the same way whichever remote service (BSrE, CSC) refused.</summary>
public static class RemoteSigningFailures
{
    /// <summary>The official's passphrase, PIN or OTP was wrong: counted, and they may retype it.</summary>
    public static bool WrongSecret(Exception e) =>
        e is BsreException { Failure: BsreFailure.WrongPassphrase } or CscException { Failure: CscFailure.WrongSecret };

    /// <summary>The service could not be reached or asks to try again: nothing changes.</summary>
    public static bool Unavailable(Exception e) =>
        e is BsreException { Failure: BsreFailure.Unavailable } or CscException { Failure: CscFailure.Unavailable or CscFailure.SadExpired };

    /// <summary>Any other refusal the page reports and operators are told about.</summary>
    public static bool Refused(Exception e) =>
        e is BsreException or CscException or SignedOutputRefusedException or Pdf.Keys.SigningKeyException or InvalidOperationException or IOException;
}
