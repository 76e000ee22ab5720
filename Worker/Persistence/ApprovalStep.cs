using Npgsql;

namespace Worker.Persistence;

/// <summary>One approver's step of a document, as stored in worker.approval_steps.</summary>
public sealed record ApprovalStep
{
    /// <summary>The step's id.</summary>
    public required Guid Id { get; init; }
    /// <summary>The document it belongs to.</summary>
    public required Guid DocumentId { get; init; }
    /// <summary>Order within the route, from 1.</summary>
    public required int Position { get; init; }
    /// <summary>Where the link goes.</summary>
    public required string ApproverEmail { get; init; }
    /// <summary>The approver's name.</summary>
    public required string ApproverName { get; init; }
    /// <summary>The approver's position (jabatan).</summary>
    public required string ApproverPosition { get; init; }
    /// <summary>id or en: the language of the emails and pages.</summary>
    public required string Language { get; init; }
    /// <summary>One of <see cref="StepState"/>.</summary>
    public required string State { get; init; }
    /// <summary>After this the link no longer works.</summary>
    public DateTimeOffset? TokenExpiresAt { get; init; }
    /// <summary>When the approver was asked.</summary>
    public DateTimeOffset? AskedAt { get; init; }
    /// <summary>When the approver decided.</summary>
    public DateTimeOffset? DecidedAt { get; init; }
    /// <summary>The reason given with a rejection.</summary>
    public string? Reason { get; init; }
    /// <summary>Reminders created so far for the current link.</summary>
    public required int RemindersSent { get; init; }
    /// <summary>When the last reminder was created.</summary>
    public DateTimeOffset? LastReminderAt { get; init; }
    /// <summary>NotSent, Sent or Failed: delivery of the current link.</summary>
    public required string EmailState { get; init; }
    /// <summary>Failed delivery attempts.</summary>
    public required int EmailAttempts { get; init; }
    /// <summary>Why the last delivery attempt failed.</summary>
    public string? EmailLastError { get; init; }
    /// <summary>When the current link was last delivered.</summary>
    public DateTimeOffset? EmailSentAt { get; init; }
    /// <summary>The official the approver (a deputy) decides for, or null on the official's own step.</summary>
    public string? OnBehalfName { get; init; }

    internal const string Columns =
        "s.id, s.document_id, s.position, s.approver_email, s.approver_name, s.approver_position, s.language, s.state, s.token_expires_at, " +
        "s.asked_at, s.decided_at, s.reason, s.reminders_sent, s.last_reminder_at, s.email_state, s.email_attempts, s.email_last_error, s.email_sent_at, " +
        "s.on_behalf_name";

    /// <summary>How many columns <see cref="Columns"/> has, where a query's next columns start.</summary>
    internal const int Count = 19;

    /// <summary>Reads <see cref="Columns"/> starting at <paramref name="i"/>.</summary>
    internal static ApprovalStep Read(NpgsqlDataReader r, int i = 0) => new()
    {
        Id = r.GetGuid(i),
        DocumentId = r.GetGuid(i + 1),
        Position = r.GetInt32(i + 2),
        ApproverEmail = r.GetString(i + 3),
        ApproverName = r.GetString(i + 4),
        ApproverPosition = r.GetString(i + 5),
        Language = r.GetString(i + 6),
        State = r.GetString(i + 7),
        TokenExpiresAt = Time(r, i + 8),
        AskedAt = Time(r, i + 9),
        DecidedAt = Time(r, i + 10),
        Reason = r.IsDBNull(i + 11) ? null : r.GetString(i + 11),
        RemindersSent = r.GetInt32(i + 12),
        LastReminderAt = Time(r, i + 13),
        EmailState = r.GetString(i + 14),
        EmailAttempts = r.GetInt32(i + 15),
        EmailLastError = r.IsDBNull(i + 16) ? null : r.GetString(i + 16),
        EmailSentAt = Time(r, i + 17),
        OnBehalfName = r.IsDBNull(i + 18) ? null : r.GetString(i + 18),
    };

    private static DateTimeOffset? Time(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
}
