using Microsoft.Extensions.Options;
using Npgsql;
using Worker.Approval;
using Worker.Configuration;
using Worker.Persistence;
using RouteOptions = Worker.Configuration.RouteOptions;

namespace Worker.Signing;

/// <summary>
/// Signing inside the approval request, for a signer whose official types a secret (BSrE's passphrase): the secret goes
/// from the form straight into the signing call; the signed output is kept for the sign-and-file job, which files it.
/// </summary>
public sealed class ApprovalSigning(
    SigningPort port, SignerStepStore steps, SigningStore documents, PresignedOutputs presigned, NpgsqlDataSource dataSource,
    IOptions<WorkerOptions> options)
{
    /// <summary>
    /// How approving this step signs with the official's own secret, or null when it does not: its signer needs a secret and
    /// it signs (SignEach, or the last step). It may sign only when the steps it signs after have approved: on a Mode=All
    /// route the last approver's link may be opened before the others have decided.
    /// </summary>
    public async Task<SecretSigning?> SecretSigningAsync(Guid documentId, Guid stepId, string routeName, CancellationToken ct)
    {
        var all = await steps.StepsAsync(documentId, ct);
        if (all.FirstOrDefault(s => s.Id == stepId) is not { } step || !options.Value.Signers.TryGetValue(step.Signer, out var profile)) return null;
        var signEach = options.Value.FindRoute(routeName)?.SignEach == true;
        if (!(signEach || step.Position == all.Max(s => s.Position)) || !port.NeedsSecret(step.Signer)) return null;
        return new SecretSigning
        {
            Signer = step.Signer, Profile = profile,
            OthersFirst = await steps.NotApprovedAsync(documentId, stepId, signEach ? step.Position : null, ct),
        };
    }

    /// <summary>The document's lock, waiting while another request or job holds it (a double tap); null when it stays taken.</summary>
    public async Task<DocumentLock?> LockAsync(Guid documentId, CancellationToken ct)
    {
        // The holder may be a remote signing call of up to its configured timeout.
        var longest = options.Value.Signers.Values.Select(RemoteTime).DefaultIfEmpty(TimeSpan.Zero).Max() + TimeSpan.FromSeconds(10);
        var until = DateTime.UtcNow + longest;
        while (true)
        {
            if (await DocumentLock.TryAcquireAsync(dataSource, documentId, ct) is { } held) return held;
            if (DateTime.UtcNow > until) return null;
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }

    // A CSC signature takes four calls (token, credentials/info, authorize, signHash), each bounded by Csc:Timeout.
    private static TimeSpan RemoteTime(SignerOptions s) => s.Kind == SignerKinds.Csc ? 4 * s.Csc.Timeout : s.Bsre.Timeout;

    /// <summary>Signs the step's output with <paramref name="secret"/> (after the earlier steps' outputs on SignEach routes); the caller holds the lock.</summary>
    public async Task SignAsync(Guid documentId, Guid stepId, string routeName, PersonalSecret secret, CancellationToken ct)
    {
        var document = await documents.LoadAsync(documentId, ct) ?? throw new InvalidOperationException($"document {documentId} does not exist");
        var route = options.Value.FindRoute(routeName) ?? throw new InvalidOperationException($"route '{routeName}' is no longer configured");
        var all = await steps.StepsAsync(documentId, ct);
        var step = all.Single(s => s.Id == stepId);
        // Checked again under the lock: signing before the others approved would sign for a document they may still reject.
        if (await steps.NotApprovedAsync(documentId, stepId, route.SignEach ? step.Position : null, ct) > 0)
            throw new InvalidOperationException($"document {documentId}: step {step.Position} signs only after the others have approved");
        var input = document.ContentPath;
        var index = 0;
        if (route.SignEach)
        {
            // Each signature goes over the previous ones; an earlier local signer's is made now so the chain is complete.
            foreach (var earlier in all.Where(s => s.Position < step.Position))
            {
                input = presigned.Find(documentId, earlier.Position) ?? (port.NeedsSecret(earlier.Signer)
                    ? throw new InvalidOperationException($"step {earlier.Position + 1} of document {documentId} has not signed yet")
                    : await SignIntoAsync(document.Id, earlier, route, input, index, null, ct));
                index++;
            }
        }
        await SignIntoAsync(document.Id, step, route, input, index, secret, ct);
    }

    private async Task<string> SignIntoAsync(
        Guid documentId, SigningStep step, RouteOptions route, string input, int index, PersonalSecret? secret, CancellationToken ct)
    {
        var target = presigned.PathOf(documentId, step.Position);
        var temporary = target + ".tmp";
        await port.SignAsync(new SigningRequest
        {
            DocumentId = documentId, Step = step, StampIndex = index, Stamp = route.Stamp, InputPath = input, OutputPath = temporary, Secret = secret,
        }, ct);
        File.Move(temporary, target, overwrite: true);
        return target;
    }
}
