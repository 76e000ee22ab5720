using Npgsql;

namespace Worker.Persistence;

/// <summary>One email the worker means to send, as stored in worker.outbox.</summary>
public sealed record OutboxMail
{
    /// <summary>The row's id; delivery jobs carry it.</summary>
    public required Guid Id { get; init; }
    /// <summary>One of <see cref="MailKind"/>.</summary>
    public required string Kind { get; init; }
    /// <summary>The document it is about.</summary>
    public required Guid DocumentId { get; init; }
    /// <summary>The step it is about (the approver asked, or the one who rejected).</summary>
    public Guid? StepId { get; init; }
    /// <summary>Where it goes.</summary>
    public required string Recipient { get; init; }
    /// <summary>Pending, Sent, Failed or Cancelled.</summary>
    public required string State { get; init; }
    /// <summary>Failed attempts so far.</summary>
    public required int Attempts { get; init; }
    /// <summary>Why the last attempt failed.</summary>
    public string? LastError { get; init; }
    /// <summary>When it left; set in the same transaction that records the send.</summary>
    public DateTimeOffset? SentAt { get; init; }

    internal const string Columns = "o.id, o.kind, o.document_id, o.step_id, o.recipient, o.state, o.attempts, o.last_error, o.sent_at";

    internal static OutboxMail Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        Kind = r.GetString(1),
        DocumentId = r.GetGuid(2),
        StepId = r.IsDBNull(3) ? null : r.GetGuid(3),
        Recipient = r.GetString(4),
        State = r.GetString(5),
        Attempts = r.GetInt32(6),
        LastError = r.IsDBNull(7) ? null : r.GetString(7),
        SentAt = r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8),
    };
}
