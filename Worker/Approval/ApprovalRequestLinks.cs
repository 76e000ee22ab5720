using Microsoft.Extensions.Options;
using Worker.Approval.Queue;
using Worker.Configuration;
using Worker.Notifications;
using Worker.Persistence;

namespace Worker.Approval;

/// <summary>The links of an approval request mail: a new token for the step's page and one for the approver's queue.</summary>
public sealed class ApprovalRequestLinks(IOptions<WorkerOptions> options) : IApprovalRequestLinks
{
    public async Task<(string Link, string QueueLink)> IssueAsync(OutboxClaim claim, ApprovalStep step, DateTimeOffset now, CancellationToken ct)
    {
        var o = options.Value;
        // A new token per send: only its hash is kept, so the link can be written only now; the previous link stops working.
        var token = ApprovalTokens.New();
        await claim.IssueTokenAsync(ApprovalTokens.Hash(token)!, now, ct);
        var queueToken = ApprovalTokens.New();
        await claim.IssueQueueTokenAsync(ApprovalTokens.Hash(queueToken)!, new QueueLink
        {
            ApproverEmail = step.ApproverEmail, Language = step.Language, ExpiresAt = step.TokenExpiresAt ?? now,
        }, now, ct);
        return ($"{o.PublicBaseUrl.TrimEnd('/')}/approve/{token}", $"{o.PublicBaseUrl.TrimEnd('/')}{QueueEndpoints.Prefix}/{queueToken}");
    }
}
