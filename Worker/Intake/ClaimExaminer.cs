using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Filing;
using Worker.Persistence;

namespace Worker.Intake;

/// <summary>Reads a claimed file once: size limit, copy into the content store with its hash, the PDF check, the sidecar.</summary>
public sealed class ClaimExaminer(ContentStore content, IPdfInspector inspector, IntakeNormaliser normaliser, RouteBook routes,
    IOptions<IntakeOptions> intake, IOptions<MailOptions> mailOptions)
{
    private static readonly string EmptySha256 = Convert.ToHexStringLower(SHA256.HashData([]));

    /// <summary>The document to record for this claim; <see cref="NewDocument.Problem"/> says why it is refused, if it is.</summary>
    public async Task<NewDocument> ExamineAsync(InboxRoute route, ClaimTicket ticket, CancellationToken ct)
    {
        var document = Unread(route, ticket) with
        {
            NotifyOnRefusal = RefusalRecipient(route, ticket),
            SubmitterEmail = ticket.ApiClient is null ? PlainText.CleanOrNull(Dropper.Address(route, routes, mailOptions.Value, Owner(route, ticket), SidecarEmail(ticket))) : null,
        };
        // Refused by its name alone (a .docx, an excluded pattern) without reading a byte; uploads name their files freely.
        if (ticket.ApiClient is null && route.Filter.Refusal(ticket.SourceName) is { } byName)
            return Refuse(document with { SizeBytes = UnixFile.LinkStatus(route.ClaimedPdf(ticket.Id))?.Size ?? 0 }, byName);
        var limit = intake.Value.MaxFileBytes;
        StoredContent stored;
        try
        {
            // Opened once, without following a link or waiting on a pipe; everything below reads this handle.
            await using var input = RegularFile.OpenRead(route.ClaimedPdf(ticket.Id), limit);
            // Decided on the size alone: an empty file needs no read, and a huge one is not worth copying only to refuse.
            if (input.Length == 0) return Refuse(document with { Sha256 = EmptySha256 }, IntakeProblem.Empty);
            stored = await content.CopyInAsync(input, ticket.Id, limit, ct);
        }
        catch (RefusedFileException e)
        {
            return e.Refusal switch
            {
                FileRefusal.Link => Refuse(document, IntakeProblem.Symlink),
                FileRefusal.TooBig => Refuse(document with { SizeBytes = e.Size }, IntakeProblem.TooBig(e.Size, limit)),
                _ => Refuse(document, IntakeProblem.NotRegular),
            };
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
            return Refuse(document, new IntakeProblem(inspection.ProblemId ?? "PDF ditolak.", inspection.ProblemEn ?? "PDF refused.", inspection.ProblemDetail));
        // The title stays the file name unless the sidecar gives one: PDF metadata titles are often a template's or an author's name.
        document = document with { PageCount = inspection.PageCount };

        if (ticket.SidecarName is null) return document;
        if (ticket.SidecarRefusal is FileRefusal.Link or FileRefusal.NotRegular)
            return Refuse(document, IntakeProblem.UnsafeSidecar(ticket.SidecarName));
        if (!SidecarReader.TryParse(ticket.SidecarName, ticket.SidecarText ?? "", out var sidecar, out var problem))
            return Refuse(document, problem!);
        document = document with
        {
            Title = PlainText.CleanOrNull(sidecar.Title) ?? document.Title, Number = PlainText.CleanOrNull(sidecar.Number),
            SubmitterEmail = ticket.ApiClient is null ? document.SubmitterEmail : sidecar.SubmitterEmail, Note = PlainText.CleanOrNull(sidecar.Note),
        };
        // Said in failed/ rather than quietly ignored: the clerk expects the notices at that address and learns why they would not come.
        if (ticket.ApiClient is null && sidecar.SubmitterEmail is { } email && !Dropper.Allowed(email, routes, mailOptions.Value))
            return Refuse(document, IntakeProblem.OutsideEmail(ticket.SidecarName, email, Dropper.Domains(routes, mailOptions.Value)));
        return document;
    }

    /// <summary>
    /// Who hears that a dropped file was refused: the sidecar's email when it has a valid one, else the route's Contact. An
    /// application that uploaded the file hears through its API and webhook instead.
    /// </summary>
    public string RefusalRecipient(InboxRoute route, ClaimTicket ticket)
    {
        if (ticket.ApiClient is not null) return "";
        var dropper = Dropper.Address(route, routes, mailOptions.Value, Owner(route, ticket), SidecarEmail(ticket));
        return dropper.Length > 0 ? dropper : routes.Find(route.Name)?.Contact.Trim() ?? "";
    }

    // The claimed file keeps the owner it had in the inbox (a rename): the uid of whoever dropped it.
    private static uint? Owner(InboxRoute route, ClaimTicket ticket) => UnixFile.LinkStatus(route.ClaimedPdf(ticket.Id))?.Owner;

    // The sidecar's email when the sidecar is valid; an address outside the domains is dropped by Dropper.
    private static string? SidecarEmail(ClaimTicket ticket) =>
        ticket is { SidecarName: { } name, SidecarRefusal: null, SidecarText: { } text } && SidecarReader.TryParse(name, text, out var sidecar, out _)
            ? sidecar.SubmitterEmail : null;

    /// <summary>The refusal recorded, without reading the file, for a claim whose examinations failed or crashed <paramref name="attempts"/> times.</summary>
    public NewDocument Quarantine(InboxRoute route, ClaimTicket ticket, int attempts)
    {
        var size = UnixFile.LinkStatus(route.ClaimedPdf(ticket.Id))?.Size ?? 0;
        return Refuse(Unread(route, ticket) with { SizeBytes = size, NotifyOnRefusal = RefusalRecipient(route, ticket) }, IntakeProblem.Quarantined(attempts));
    }

    // What is known before a byte is read; every name and title from outside is cleaned of control and format characters.
    private static NewDocument Unread(InboxRoute route, ClaimTicket ticket)
    {
        var name = FileNames.Plain(ticket.SourceName);
        return new NewDocument
        {
            Id = ticket.Id, Route = route.Name, SourceName = name, SizeBytes = 0, Sha256 = "",
            Title = PlainText.CleanOrNull(Path.GetFileNameWithoutExtension(name)) ?? name, ApiClient = ticket.ApiClient,
        };
    }

    private static NewDocument Refuse(NewDocument document, IntakeProblem problem) => document with { Problem = problem.Stored };
}
