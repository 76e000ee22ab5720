using Npgsql;

namespace Worker.Persistence;

/// <summary>
/// One line of the operators' lists (documents, needing attention, incidents): the few columns of <see cref="DocumentRecord"/> a line
/// shows, because lists of hundreds of rows do not need the note, the paths and the hashes.
/// </summary>
public sealed record DocumentSummary
{
    /// <summary>The document id.</summary>
    public required Guid Id { get; init; }
    /// <summary>The route it came in on.</summary>
    public required string Route { get; init; }
    /// <summary>Its state.</summary>
    public required DocumentState State { get; init; }
    /// <summary>Title from the PDF, the sidecar or the file name.</summary>
    public required string Title { get; init; }
    /// <summary>The dropped file's name.</summary>
    public required string SourceName { get; init; }
    /// <summary>When intake recorded it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
    /// <summary>Last change of state.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Why it failed or was refused, if it did.</summary>
    public string? Error { get; init; }

    internal const string Columns = "d.id, d.route, d.state, d.title, d.source_name, d.received_at, d.updated_at, d.error";

    /// <summary>Reads <see cref="Columns"/>.</summary>
    internal static DocumentSummary Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        Route = r.GetString(1),
        State = Lifecycle.Parse(r.GetString(2)),
        Title = r.GetString(3),
        SourceName = r.GetString(4),
        ReceivedAt = r.GetFieldValue<DateTimeOffset>(5),
        UpdatedAt = r.GetFieldValue<DateTimeOffset>(6),
        Error = r.IsDBNull(7) ? null : r.GetString(7),
    };
}
