using Worker.Configuration;

namespace Worker.Signing;

/// <summary>One kind of signer behind the signing port (Worker:Signers:NAME:Kind); the port checks whatever it writes.</summary>
public interface IDocumentSigner
{
    /// <summary>The Kind value it serves.</summary>
    string Kind { get; }

    /// <summary>True when the official must type a secret at approval for this profile.</summary>
    bool NeedsSecret(SignerOptions profile);

    /// <summary>The certificate the new signature must carry.</summary>
    ExpectedCertificate Expected(string name, SignerOptions profile);

    /// <summary>
    /// Writes <see cref="SigningRequest.OutputPath"/>: the input with one more signature. Returns the file it sent to a service
    /// that signs the file itself (BSrE), which the port then requires the output to start with; null when it sent none.
    /// </summary>
    Task<SentBytes?> SignAsync(SigningRequest request, SignerOptions profile, CancellationToken ct);
}
