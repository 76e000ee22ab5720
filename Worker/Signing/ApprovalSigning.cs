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
    RouteBook routes, SignerProfiles signers)
{
    /// <summary>
    /// How approving this step signs with the official's own secret, or null when it does not: its signer needs a secret and
    /// it signs (SignEach, or the last step). It may sign only when the steps it signs after have approved: on a Mode=All
    /// route the last approver's link may be opened before the others have decided.
    /// </summary>
    public async Task<SecretSigning?> SecretSigningAsync(Guid documentId, Guid stepId, string routeName, CancellationToken ct)
    {
        var all = await steps.StepsAsync(documentId, ct);
        if (all.FirstOrDefault(s => s.Id == stepId) is not { } step || !signers.TryGetValue(step.Signer, out var profile)) return null;
        var signEach = routes.Find(routeName)?.SignEach == true;
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
        var longest = signers.Values.Select(RemoteTime).DefaultIfEmpty(TimeSpan.Zero).Max() + TimeSpan.FromSeconds(10);
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
        var request = await PrepareAsync(documentId, stepId, routeName, secret, ct);
        await port.SignAsync(request, ct);
        Keep(request);
    }

    /// <summary>
    /// Signs several documents' steps of one official under one secret through the port's batch (the queue page); the caller
    /// holds every document's lock. Returns, per item in order, why it was not signed (null when its output is kept).
    /// Throws, signing nothing, when the whole batch fails (a wrong secret, an unreachable service).
    /// </summary>
    public async Task<IReadOnlyList<string?>> SignBatchAsync(
        IReadOnlyList<(Guid DocumentId, Guid StepId, string Route)> items, PersonalSecret secret, CancellationToken ct)
    {
        var requests = new List<SigningRequest>(items.Count);
        foreach (var (documentId, stepId, route) in items) requests.Add(await PrepareAsync(documentId, stepId, route, secret, ct));
        var outcomes = await port.SignBatchAsync(requests, ct);
        foreach (var outcome in outcomes.Where(o => o.Error is null)) Keep(outcome.Request);
        return outcomes.Select(o => o.Error).ToList();
    }

    private async Task<SigningRequest> PrepareAsync(Guid documentId, Guid stepId, string routeName, PersonalSecret secret, CancellationToken ct)
    {
        var document = await documents.LoadAsync(documentId, ct) ?? throw new InvalidOperationException($"document {documentId} does not exist");
        var route = routes.Find(routeName) ?? throw new InvalidOperationException($"route '{routeName}' is no longer configured");
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
        return Request(document.Id, step, route, input, index, secret);
    }

    private async Task<string> SignIntoAsync(
        Guid documentId, SigningStep step, RouteOptions route, string input, int index, PersonalSecret? secret, CancellationToken ct)
    {
        var request = Request(documentId, step, route, input, index, secret);
        await port.SignAsync(request, ct);
        return Keep(request);
    }

    private SigningRequest Request(Guid documentId, SigningStep step, RouteOptions route, string input, int index, PersonalSecret? secret) => new()
    {
        DocumentId = documentId, Step = step, StampIndex = index, Stamp = route.Stamp, InputPath = input,
        OutputPath = presigned.PathOf(documentId, step.Position) + ".tmp", Secret = secret,
    };

    // The checked output becomes the step's kept output, where the sign-and-file job looks for it.
    private string Keep(SigningRequest request)
    {
        var target = presigned.PathOf(request.DocumentId, request.Step.Position);
        File.Move(request.OutputPath, target, overwrite: true);
        return target;
    }
}
