using Npgsql;

namespace Worker.Persistence;

/// <summary>What the approval pages and emails show of a document.</summary>
public sealed record ApprovalDocument
{
    /// <summary>The document's id.</summary>
    public required Guid Id { get; init; }
    /// <summary>Name of the route it came in through.</summary>
    public required string Route { get; init; }
    /// <summary>Its state.</summary>
    public required DocumentState State { get; init; }
    /// <summary>The file name as dropped in the inbox.</summary>
    public required string SourceName { get; init; }
    /// <summary>Size of the original in bytes.</summary>
    public required long SizeBytes { get; init; }
    /// <summary>SHA-256 of the original, lowercase hex.</summary>
    public required string Sha256 { get; init; }
    /// <summary>Number of pages, when intake could count them.</summary>
    public int? PageCount { get; init; }
    /// <summary>Title shown to the approver.</summary>
    public required string Title { get; init; }
    /// <summary>Letter number (nomor surat), if known.</summary>
    public string? Number { get; init; }
    /// <summary>Who submitted it, if known.</summary>
    public string? SubmitterEmail { get; init; }
    /// <summary>The clerk's note for the approvers (sidecar or API), if any.</summary>
    public string? Note { get; init; }
    /// <summary>Where the original bytes are kept.</summary>
    public string? ContentPath { get; init; }
    /// <summary>When intake recorded it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
    /// <summary>Where the declined copy was filed, once it was.</summary>
    public string? DeclinedPath { get; init; }
    /// <summary>Why it failed, or why an operator cancelled it.</summary>
    public string? Error { get; init; }

    internal const string Columns =
        "d.id, d.route, d.state, d.source_name, d.size_bytes, d.sha256, d.page_count, d.title, d.number, d.submitter_email, d.content_path, d.received_at, d.declined_path, d.error, d.note";

    /// <summary>Reads <see cref="Columns"/> starting at <paramref name="i"/>.</summary>
    internal static ApprovalDocument Read(NpgsqlDataReader r, int i = 0) => new()
    {
        Id = r.GetGuid(i),
        Route = r.GetString(i + 1),
        State = Lifecycle.Parse(r.GetString(i + 2)),
        SourceName = r.GetString(i + 3),
        SizeBytes = r.GetInt64(i + 4),
        Sha256 = r.GetString(i + 5),
        PageCount = r.IsDBNull(i + 6) ? null : r.GetInt32(i + 6),
        Title = r.GetString(i + 7),
        Number = r.IsDBNull(i + 8) ? null : r.GetString(i + 8),
        SubmitterEmail = r.IsDBNull(i + 9) ? null : r.GetString(i + 9),
        ContentPath = r.IsDBNull(i + 10) ? null : r.GetString(i + 10),
        ReceivedAt = r.GetFieldValue<DateTimeOffset>(i + 11),
        DeclinedPath = r.IsDBNull(i + 12) ? null : r.GetString(i + 12),
        Error = r.IsDBNull(i + 13) ? null : r.GetString(i + 13),
        Note = r.IsDBNull(i + 14) ? null : r.GetString(i + 14),
    };
}
