using Worker.Configuration;
using Worker.Pdf.Keys;
using Worker.Pdf.Verification;

namespace Worker.Signing;

/// <summary>
/// The one way to sign an approved document for an approval step: picks the signer the step's profile names, lets it
/// write the output, and enforces the post-conditions (<see cref="SignedOutputCheck"/>) the same way for every kind.
/// An output that fails them is deleted, so it can never be filed.
/// </summary>
public sealed class SigningPort(IEnumerable<IDocumentSigner> signers, TrustAnchorSource trust, SignerProfiles profiles)
{
    /// <summary>True when the profile's official must type a secret at approval (BSrE's passphrase).</summary>
    public bool NeedsSecret(string signer) => Find(signer, out var profile).NeedsSecret(profile);

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
        RunAsync(request, (_, _) => { File.Copy(signedEarlier, request.OutputPath, overwrite: true); return Task.FromResult<SentBytes?>(null); });

    /// <summary>
    /// Signs several documents for one approver under one secret (one signer, the same <see cref="SigningRequest.Secret"/>):
    /// in as few calls as the signer allows, each output checked on its own, so a refused output fails that document only.
    /// Throws only when the whole batch fails for a reason the official can fix (a wrong secret).
    /// </summary>
    public async Task<IReadOnlyList<BatchOutcome>> SignBatchAsync(IReadOnlyList<SigningRequest> requests, CancellationToken ct)
    {
        if (requests.Count == 0) return [];
        var first = requests[0];
        if (requests.Any(r => r.Step.Signer != first.Step.Signer || !ReferenceEquals(r.Secret, first.Secret)))
            throw new ArgumentException("a batch is signed by one signer under one secret", nameof(requests));
        var signer = Find(first.Step.Signer, out var profile);
        BatchSignerResult[] results;
        try
        {
            results = signer is IBatchSigner batch && first.Secret is { } secret
                ? [.. await batch.SignBatchAsync(requests, profile, secret, ct)]
                : await OneByOneAsync(signer, profile, requests, ct);
        }
        catch
        {
            // Earlier chunks may have written outputs; unchecked, they must not stay where they could be filed.
            foreach (var r in requests) File.Delete(r.OutputPath);
            throw;
        }
        var outcomes = new List<BatchOutcome>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var error = results[i].Error
                ?? (Problems(signer, profile, request, results[i].Sent) is { } problems ? new SignedOutputRefusedException(problems).Message : null);
            if (error is not null) File.Delete(request.OutputPath);
            outcomes.Add(new BatchOutcome { Request = request, Error = error });
        }
        return outcomes;
    }

    private static async Task<BatchSignerResult[]> OneByOneAsync(IDocumentSigner signer, SignerOptions profile, IReadOnlyList<SigningRequest> requests, CancellationToken ct)
    {
        var results = new BatchSignerResult[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            try { results[i] = new BatchSignerResult { Sent = await signer.SignAsync(requests[i], profile, ct) }; }
            catch (Exception e) when (e is not OperationCanceledException) { results[i] = new BatchSignerResult { Error = e.Message }; }
        }
        return results;
    }

    private string? Problems(IDocumentSigner signer, SignerOptions profile, SigningRequest request, SentBytes? sent)
    {
        var problems = SignedOutputCheck.Problems(request.InputPath, request.OutputPath, signer.Expected(request.Step.Signer, profile), trust.Load(), sent);
        return problems.Count > 0 ? string.Join("; ", problems) : null;
    }

    private async Task RunAsync(SigningRequest request, Func<IDocumentSigner, SignerOptions, Task<SentBytes?>> write)
    {
        var signer = Find(request.Step.Signer, out var profile);
        try
        {
            var sent = await write(signer, profile);
            if (Problems(signer, profile, request, sent) is { } problems) throw new SignedOutputRefusedException(problems);
        }
        catch
        {
            File.Delete(request.OutputPath);
            throw;
        }
    }

    private IDocumentSigner Find(string name, out SignerOptions profile)
    {
        if (!profiles.TryGetValue(name, out profile!))
            throw new SigningKeyException($"signer '{name}' is not configured under Worker:Signers");
        // The local engine signs with either kind of key the worker holds; the key provider tells them apart.
        var kind = profile.Kind == SignerKinds.Pkcs11 ? SignerKinds.Pkcs12 : profile.Kind;
        return signers.FirstOrDefault(s => s.Kind == kind)
            ?? throw new SigningKeyException($"Worker:Signers:{name}:Kind: '{kind}' has no signer in this worker");
    }
}
