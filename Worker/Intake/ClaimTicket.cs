using System.Text.Json;

namespace Worker.Intake;

/// <summary>
/// Written to .processing/{id}.claim.json just before the rename, so a worker killed right after the rename still
/// knows the clerk's file name and sidecar when the claim is recovered.
/// </summary>
public sealed record ClaimTicket
{
    public const string Suffix = ".claim.json";

    /// <summary>Added to <see cref="Suffix"/> while the ticket is being written.</summary>
    public const string TemporarySuffix = ".tmp";

    /// <summary>The document id; the claimed file is .processing/{id}.pdf.</summary>
    public required Guid Id { get; init; }
    /// <summary>The route the file was dropped on.</summary>
    public required string Route { get; init; }
    /// <summary>The file name as dropped.</summary>
    public required string SourceName { get; init; }
    /// <summary>When the worker claimed it.</summary>
    public required DateTimeOffset ClaimedAt { get; init; }
    /// <summary>Which worker claimed it.</summary>
    public string ClaimedBy { get; init; } = "";
    /// <summary>The sidecar's file name, when NAME.json was beside the file.</summary>
    public string? SidecarName { get; init; }
    /// <summary>The sidecar's text as read at claim time.</summary>
    public string? SidecarText { get; init; }
    /// <summary>The API client that uploaded the file; null for a file dropped in the inbox.</summary>
    public string? ApiClient { get; init; }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public void Write(string path)
    {
        // Written whole, then renamed, so a reader never sees half a ticket.
        var temporary = path + TemporarySuffix;
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The ticket at <paramref name="path"/>, or null when it is missing or unreadable.</summary>
    public static ClaimTicket? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ClaimTicket>(File.ReadAllText(path), Json);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }
}
