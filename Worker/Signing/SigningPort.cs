using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Pdf.Keys;
using Worker.Pdf.Verification;

namespace Worker.Signing;

/// <summary>
/// The one way to sign an approved document for an approval step: picks the signer the step's profile names, lets it
/// write the output, and enforces the post-conditions (<see cref="SignedOutputCheck"/>) the same way for every kind.
/// An output that fails them is deleted, so it can never be filed.
/// </summary>
public sealed class SigningPort(IEnumerable<IDocumentSigner> signers, TrustAnchorSource trust, IOptions<WorkerOptions> options)
{
    /// <summary>True when the profile's official must type a secret at approval (BSrE's passphrase).</summary>
    public bool NeedsSecret(string signer) => Find(signer, out var profile).NeedsSecret(profile);

    /// <summary>What the official types at approval for this signer, or null when it needs nothing.</summary>
    public SecretPrompt? Prompt(string signer)
    {
        var kind = Find(signer, out var profile);
        if (!kind.NeedsSecret(profile)) return null;
        return new SecretPrompt { Kind = profile.Kind, Secret = profile.Kind == SignerKinds.Csc ? CscOptionsValidator.SecretOf(profile) : profile.Secret };
    }

    /// <summary>The configured profile, refused with the key's name when missing.</summary>
    public SignerOptions Profile(string signer)
    {
        Find(signer, out var profile);
        return profile;
    }

    /// <summary>Signs; throws when the signer fails or its output breaks a post-condition (then no output is left).</summary>
    public Task SignAsync(SigningRequest request, CancellationToken ct) => RunAsync(request, (signer, profile) => signer.SignAsync(request, profile, ct));

    /// <summary>Takes an output signed earlier for this step (at approval) as if the signer had just written it: the same checks.</summary>
    public Task AdoptAsync(SigningRequest request, string signedEarlier, CancellationToken ct) =>
        RunAsync(request, (_, _) => { File.Copy(signedEarlier, request.OutputPath, overwrite: true); return Task.CompletedTask; });

    private async Task RunAsync(SigningRequest request, Func<IDocumentSigner, SignerOptions, Task> write)
    {
        var signer = Find(request.Step.Signer, out var profile);
        try
        {
            await write(signer, profile);
            var problems = SignedOutputCheck.Problems(request.InputPath, request.OutputPath, signer.Expected(request.Step.Signer, profile), trust.Load());
            if (problems.Count > 0) throw new SignedOutputRefusedException(string.Join("; ", problems));
        }
        catch
        {
            File.Delete(request.OutputPath);
            throw;
        }
    }

    private IDocumentSigner Find(string name, out SignerOptions profile)
    {
        if (!options.Value.Signers.TryGetValue(name, out profile!))
            throw new SigningKeyException($"signer '{name}' is not configured under Worker:Signers");
        var kind = profile.Kind;
        return signers.FirstOrDefault(s => s.Kind == kind)
            ?? throw new SigningKeyException($"Worker:Signers:{name}:Kind: '{kind}' has no signer in this worker");
    }
}
