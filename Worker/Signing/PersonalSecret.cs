namespace Worker.Signing;

/// <summary>
/// A secret the official typed (passphrase, PIN, OTP), held in memory for the one call that needs it. It prints as
/// "[rahasia]" so a log template, an exception message or a serializer that meets it by accident writes nothing secret.
/// </summary>
public sealed class PersonalSecret(string value)
{
    private readonly string value = value;

    /// <summary>The secret itself, for the request body of the signing call only.</summary>
    internal string Reveal() => value;

    /// <summary><paramref name="text"/> with every occurrence of the secret replaced.</summary>
    public string RedactFrom(string text) => value.Length == 0 ? text : text.Replace(value, "[rahasia]", StringComparison.Ordinal);

    public override string ToString() => "[rahasia]";
}
