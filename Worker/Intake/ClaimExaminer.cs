using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Intake;

/// <summary>Reads a claimed file once: size limit, copy into the content store with its hash, the PDF check, the sidecar.</summary>
public sealed class ClaimExaminer(ContentStore content, IPdfInspector inspector, IntakeNormaliser normaliser, IOptions<WorkerOptions> options)
{
    private static readonly string EmptySha256 = Convert.ToHexStringLower(SHA256.HashData([]));

    /// <summary>The document to record for this claim; <see cref="NewDocument.Problem"/> says why it is refused, if it is.</summary>
    public async Task<NewDocument> ExamineAsync(InboxRoute route, ClaimTicket ticket, CancellationToken ct)
    {
        var claimed = new FileInfo(route.ClaimedPdf(ticket.Id));
        var document = new NewDocument
        {
            Id = ticket.Id, Route = route.Name, SourceName = ticket.SourceName, SizeBytes = 0, Sha256 = "",
            Title = Path.GetFileNameWithoutExtension(ticket.SourceName), ApiClient = ticket.ApiClient,
        };
        if (claimed.LinkTarget is not null) return Refuse(document, IntakeProblem.Symlink);
        var size = claimed.Length;
        document = document with { SizeBytes = size };
        // Decided on the size alone: an empty file needs no read, and a huge one is not worth copying only to refuse.
        if (size == 0) return Refuse(document with { Sha256 = EmptySha256 }, IntakeProblem.Empty);
        var limit = options.Value.Intake.MaxFileBytes;
        if (size > limit) return Refuse(document, IntakeProblem.TooBig(size, limit));

        StoredContent stored;
        try
        {
            stored = await content.CopyInAsync(claimed.FullName, ticket.Id, ct);
        }
        catch (UnauthorizedAccessException e)
        {
            return Refuse(document, IntakeProblem.Unreadable(e.Message));
        }
        document = document with { SizeBytes = stored.Size, Sha256 = stored.Sha256, ContentPath = stored.Path };

        // A file that needed repair or held several revisions is approved (and signed) only as its clean rewrite.
        var prepared = await normaliser.PrepareAsync(ticket.Id, stored.Path!, ct);
        if (prepared.Problem is { } unrepairable) return Refuse(document, unrepairable);
        document = document with { ContentPath = prepared.ApprovedPath, Normalised = prepared.AuditDetail };

        var inspection = inspector.Inspect(prepared.ApprovedPath!);
        if (!inspection.Ok)
            return Refuse(document, new IntakeProblem(inspection.ProblemId ?? "PDF ditolak.", inspection.ProblemEn ?? "PDF refused."));
        document = document with { PageCount = inspection.PageCount, Title = inspection.Title ?? document.Title };

        if (ticket.SidecarName is null) return document;
        if (!SidecarReader.TryParse(ticket.SidecarName, ticket.SidecarText ?? "", out var sidecar, out var problem))
            return Refuse(document, problem!);
        return document with
        {
            Title = sidecar.Title ?? document.Title, Number = sidecar.Number, SubmitterEmail = sidecar.SubmitterEmail, Note = sidecar.Note,
        };
    }

    private static NewDocument Refuse(NewDocument document, IntakeProblem problem) => document with { Problem = problem.Stored };
}
