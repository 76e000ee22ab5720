using Net.Pkcs11Interop.Common;

namespace Worker.Signing.Pkcs11;

/// <summary>Reads a PKCS#11 return value: whether the token went away, and a line an operator can act on.</summary>
internal static class Pkcs11Errors
{
    /// <summary>True when the token or the session behind it is gone, so reloading the module may bring it back.</summary>
    public static bool MeansGone(CKR code) => code is CKR.CKR_DEVICE_REMOVED or CKR.CKR_DEVICE_ERROR or CKR.CKR_TOKEN_NOT_PRESENT
        or CKR.CKR_TOKEN_NOT_RECOGNIZED or CKR.CKR_SESSION_HANDLE_INVALID or CKR.CKR_SESSION_CLOSED or CKR.CKR_SLOT_ID_INVALID
        or CKR.CKR_OBJECT_HANDLE_INVALID or CKR.CKR_KEY_HANDLE_INVALID or CKR.CKR_GENERAL_ERROR or CKR.CKR_CRYPTOKI_NOT_INITIALIZED
        or CKR.CKR_USER_NOT_LOGGED_IN;

    /// <summary>One line for the error, the PIN named only by the key that holds it.</summary>
    public static string Describe(Pkcs11Exception e) => e.RV switch
    {
        CKR.CKR_PIN_INCORRECT or CKR.CKR_PIN_LEN_RANGE => $"the token refused the PIN in Pkcs11:PinFile ({e.RV})",
        CKR.CKR_PIN_LOCKED => "the token's PIN is locked; unlock it with the SO PIN (CKR_PIN_LOCKED)",
        CKR.CKR_PIN_EXPIRED => "the token's PIN has expired; set a new one (CKR_PIN_EXPIRED)",
        CKR.CKR_MECHANISM_INVALID or CKR.CKR_MECHANISM_PARAM_INVALID => $"the token cannot sign with this scheme ({e.RV} in {e.Method})",
        _ => $"token error {e.RV} in {e.Method}",
    };
}
