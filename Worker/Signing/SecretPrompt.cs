namespace Worker.Signing;

/// <summary>What the approval page asks the official for, when approving signs with their own secret.</summary>
public sealed record SecretPrompt
{
    /// <summary><c>Passphrase</c>, <c>Pin</c> or <c>Otp</c>.</summary>
    public required string Secret { get; init; }
    /// <summary>The signer's Kind (<c>Bsre</c> or <c>Csc</c>), which names the service on the page.</summary>
    public required string Kind { get; init; }
}
