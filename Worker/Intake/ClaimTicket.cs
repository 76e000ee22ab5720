using System.Text.Json;
using Worker.Filing;

namespace Worker.Intake;

/// <summary>
/// Written to .processing/{id}.claim.json just before the rename, so a worker killed right after the rename still
/// knows the clerk's file name and sidecar when the claim is recovered. .processing lives on the share, so a ticket read
/// back is only a hint: <see cref="ClaimTrust"/> checks it against the database before anything uses it.
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
    /// <summary>Why the sidecar was not read (a link or not a regular file); null when it was read or there is none.</summary>
    public FileRefusal? SidecarRefusal { get; init; }
    /// <summary>The API client that uploaded the file; null for a file dropped in the inbox.</summary>
    public string? ApiClient { get; init; }

    /// <summary>A larger ticket is not one the worker wrote (a sidecar is at most 64 KB, escaped at most six times over).</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public void Write(string path)
    {
        // Written whole, then renamed, so a reader never sees half a ticket.
        var temporary = path + TemporarySuffix;
        // A leftover (or planted) temporary is removed as an entry, never written through.
        File.Delete(temporary);
        using (var stream = FileModes.CreateNew(temporary, FileModes.PrivateFile))
            JsonSerializer.Serialize(stream, this, Json);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The ticket at <paramref name="path"/>, or null when it is missing, unreadable, a link, a pipe or too big.</summary>
    public static ClaimTicket? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ClaimTicket>(RegularFile.ReadAllText(path, MaxBytes), Json);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
