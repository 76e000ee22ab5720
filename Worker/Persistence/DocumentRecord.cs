using Npgsql;

namespace Worker.Persistence;

/// <summary>
/// One row of <c>worker.documents</c>, the read model every look at one document is built from: the approval pages and emails
/// use it as it is; signing, the API, verification and intake build their narrower views from it.
/// </summary>
public sealed record DocumentRecord
{
    /// <summary>The document's id.</summary>
    public required Guid Id { get; init; }
    /// <summary>Name of the route it came in through.</summary>
    public required string Route { get; init; }
    /// <summary>Its state.</summary>
    public required DocumentState State { get; init; }
    /// <summary>The file name as dropped in the inbox or uploaded.</summary>
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
    /// <summary>The API client that submitted it; null for a dropped file.</summary>
    public string? ApiClient { get; init; }
    /// <summary>Why it was refused or failed, or why an operator cancelled it.</summary>
    public string? Error { get; init; }
    /// <summary>Where the signed file was filed (or an earlier run meant to file it).</summary>
    public string? SignedPath { get; init; }
    /// <summary>SHA-256 of that signed file.</summary>
    public string? SignedSha256 { get; init; }
    /// <summary>Where the declined copy was filed, once it was.</summary>
    public string? DeclinedPath { get; init; }
    /// <summary>When intake recorded it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
    /// <summary>When the row last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>When it was filed.</summary>
    public DateTimeOffset? FiledAt { get; init; }

    // approval_job_id and approval_enqueued_at are the hand-off's bookkeeping, read only by the sweep.
    internal const string Columns =
        "d.id, d.route, d.state, d.source_name, d.size_bytes, d.sha256, d.page_count, d.title, d.number, d.submitter_email, d.note, " +
        "d.content_path, d.api_client, d.error, d.signed_path, d.signed_sha256, d.declined_path, d.received_at, d.updated_at, d.filed_at";

    /// <summary>How many columns <see cref="Columns"/> has, where a query's next columns start.</summary>
    internal const int Count = 20;

    /// <summary>Reads <see cref="Columns"/> starting at <paramref name="i"/>.</summary>
    internal static DocumentRecord Read(NpgsqlDataReader r, int i = 0) => new()
    {
        Id = r.GetGuid(i),
        Route = r.GetString(i + 1),
        State = Lifecycle.Parse(r.GetString(i + 2)),
        SourceName = r.GetString(i + 3),
        SizeBytes = r.GetInt64(i + 4),
        Sha256 = r.GetString(i + 5),
        PageCount = r.IsDBNull(i + 6) ? null : r.GetInt32(i + 6),
        Title = r.GetString(i + 7),
        Number = Text(r, i + 8),
        SubmitterEmail = Text(r, i + 9),
        Note = Text(r, i + 10),
        ContentPath = Text(r, i + 11),
        ApiClient = Text(r, i + 12),
        Error = Text(r, i + 13),
        SignedPath = Text(r, i + 14),
        SignedSha256 = Text(r, i + 15),
        DeclinedPath = Text(r, i + 16),
        ReceivedAt = r.GetFieldValue<DateTimeOffset>(i + 17),
        UpdatedAt = r.GetFieldValue<DateTimeOffset>(i + 18),
        FiledAt = r.IsDBNull(i + 19) ? null : r.GetFieldValue<DateTimeOffset>(i + 19),
    };

    /// <summary>The document with this id, or null; inside the caller's transaction when there is one.</summary>
    internal static Task<DocumentRecord?> FindAsync(NpgsqlConnection c, NpgsqlTransaction? t, Guid id, CancellationToken ct) =>
        Sql.FirstAsync(c, t, ct, r => Read(r), $"SELECT {Columns} FROM worker.documents d WHERE d.id = $1", id);

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
