using Worker.Intake;
using Worker.Persistence;

namespace Worker.Api;

/// <summary>What <c>GET /api/documents/{id}</c> answers.</summary>
public sealed record ApiDocument
{
    /// <summary>The document id.</summary>
    public required Guid Id { get; init; }
    /// <summary>The route it was submitted to.</summary>
    public required string Route { get; init; }
    /// <summary>Received, AwaitingApproval, Approved, Filed, Declined, Expired, Invalid, Duplicate or Failed.</summary>
    public required string State { get; init; }
    /// <summary>True once the state can never change again (Filed, Declined, Expired, Invalid, Duplicate).</summary>
    public required bool Final { get; init; }
    /// <summary>True once nothing more happens by itself (the final states, and Failed, which only an operator may retry or cancel).</summary>
    public required bool Ended { get; init; }
    /// <summary>The title approvers see.</summary>
    public required string Title { get; init; }
    /// <summary>The letter number, if given.</summary>
    public string? Number { get; init; }
    /// <summary>The file name as uploaded.</summary>
    public required string FileName { get; init; }
    /// <summary>SHA-256 of the uploaded bytes.</summary>
    public required string Sha256 { get; init; }
    /// <summary>When it was received.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
    /// <summary>When its state last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>When the signed file was filed.</summary>
    public DateTimeOffset? FiledAt { get; init; }
    /// <summary>Why it was refused or failed, in English.</summary>
    public string? Reason { get; init; }
    /// <summary>The approvers in order, with their decisions.</summary>
    public required IReadOnlyList<ApiApprover> Approvers { get; init; }
    /// <summary>SHA-256 of the signed PDF, once signed.</summary>
    public string? SignedSha256 { get; init; }
    /// <summary>Where the signed PDF can be downloaded, once Filed.</summary>
    public string? SignedUrl { get; init; }
    /// <summary>The public verification page of the document.</summary>
    public required string VerifyUrl { get; init; }

    public static ApiDocument From(ApiDocumentRecord d, string publicBaseUrl) => new()
    {
        Id = d.Id, Route = d.Route, State = d.State.ToString(), Final = Lifecycle.Final.Contains(d.State), Ended = Lifecycle.Ended.Contains(d.State), Title = d.Title, Number = d.Number,
        FileName = d.SourceName, Sha256 = d.Sha256, ReceivedAt = d.ReceivedAt, UpdatedAt = d.UpdatedAt, FiledAt = d.FiledAt,
        Reason = d.Error is null ? null : IntakeProblem.FromStored(d.Error).English,
        Approvers = d.Steps.Select(s => new ApiApprover(s.Position, s.Name, s.JobTitle, s.State, s.AskedAt, s.DecidedAt, s.Reason)).ToList(),
        SignedSha256 = d.SignedSha256,
        SignedUrl = d.State == DocumentState.Filed ? $"/api/documents/{d.Id}/signed" : null,
        VerifyUrl = Worker.Configuration.VerifyLink.For(publicBaseUrl, d.Id),
    };
}
