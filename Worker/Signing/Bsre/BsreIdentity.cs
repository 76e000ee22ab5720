namespace Worker.Signing.Bsre;

/// <summary>How BSrE knows the official: exactly one of NIK and email.</summary>
public sealed record BsreIdentity
{
    /// <summary>The 16-digit NIK, or empty.</summary>
    public required string Nik { get; init; }
    /// <summary>The email registered with BSrE, or empty.</summary>
    public required string Email { get; init; }

    /// <summary>The JSON field and value that name the official.</summary>
    public (string Field, string Value) Wire => Nik.Length > 0 ? (BsreWire.Nik, Nik) : (BsreWire.Email, Email);
}
