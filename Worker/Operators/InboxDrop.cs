using System.Text.Json;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Filing;
using Worker.Intake;

namespace Worker.Operators;

/// <summary>
/// Puts a PDF uploaded on the dashboard into a route's inbox with a sidecar written from form fields, as a clerk would drop
/// them: the same intake takes it, so the same checks and notices apply. Nothing is overwritten and the PDF is not changed.
/// </summary>
public sealed partial class InboxDrop(RouteBook routes, IOptions<IntakeOptions> intake, IOptions<MailOptions> mailOptions, ILogger<InboxDrop> logger)
{
    // Names starting with a dot are never taken by intake, so a half-written upload is never claimed.
    private const string TemporaryPrefix = ".upload-";

    /// <summary>Puts the drop into the inbox; the name it got there (a free one, never replacing a file), or null with the reason.</summary>
    public async Task<(OperatorResult Result, string? Name)> DropAsync(NewDrop drop, OperatorIdentity who, CancellationToken ct)
    {
        var route = routes.Find(drop.Route);
        if (route is null) return Refused($"no route '{drop.Route}'");
        var unit = string.IsNullOrEmpty(drop.Unit) ? null : route.Units.FirstOrDefault(u => u.Folder == drop.Unit);
        if (!string.IsNullOrEmpty(drop.Unit) && unit is null) return Refused($"route {route.Name} has no unit folder '{drop.Unit}'");
        var name = FileNames.Plain(drop.FileName);
        if (!name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            return Refused("Hanya berkas PDF. / Only PDF files.");
        var limit = intake.Value.MaxFileBytes;
        if (drop.Size > limit)
            return Refused($"Berkas lebih dari {limit} byte. / The file is larger than {limit} bytes.");
        var sidecar = SidecarText(drop);
        if (!SidecarReader.TryRead(sidecar, out _, out var reason))
            return Refused($"{reason!.Indonesian} / {reason.English}");
        if (drop.SubmitterEmail.Trim() is { Length: > 0 } email && !Dropper.Allowed(email, routes, mailOptions.Value))
            return Refused($"Email {email} di luar domain kantor. / {email} is outside the office domains ({string.Join(", ", Dropper.Domains(routes, mailOptions.Value))}).");

        var folder = unit is null ? route.Inbox : Path.Combine(route.Inbox, unit.Folder);
        if (FolderCheck.Problem(folder) is { } problem) return Refused(problem);
        var pdfTemp = FileNames.Inside(folder, $"{TemporaryPrefix}{Guid.NewGuid():N}.pdf");
        var sidecarTemp = pdfTemp + InboxFilter.SidecarSuffix;
        try
        {
            await WriteAsync(pdfTemp, drop.Open(), ct);
            await WriteAsync(sidecarTemp, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(sidecar)), ct);
            var placed = Place(folder, name, pdfTemp, sidecarTemp);
            LogDropped(who.Name, route.Name, Path.GetFileName(placed));
            return (OperatorResult.Done($"{Path.GetFileName(placed)} dikirim ke inbox {route.Name}{(unit is null ? "" : "/" + unit.Folder)}. / sent to the inbox."),
                Path.GetFileName(placed));
        }
        finally
        {
            File.Delete(pdfTemp);
            File.Delete(sidecarTemp);
        }
    }

    private static (OperatorResult, string?) Refused(string message) => (OperatorResult.NotAllowed(message), null);

    // The sidecar first, so intake finds it when it sees the PDF; a free name, never replacing a clerk's file.
    private static string Place(string folder, string name, string pdfTemp, string sidecarTemp)
    {
        for (var n = 1; ; n++)
        {
            var target = FileNames.Inside(folder, FileNames.Numbered(name, n, InboxFilter.SidecarSuffix));
            if (RegularFile.Taken(target) || RegularFile.Taken(target + InboxFilter.SidecarSuffix)) continue;
            // Both temporaries sit in the folder itself, so a rename never crosses file systems.
            if (UnixFile.RenameNoReplace(sidecarTemp, target + InboxFilter.SidecarSuffix) == RenameOutcome.TargetTaken) continue;
            if (UnixFile.RenameNoReplace(pdfTemp, target) == RenameOutcome.Done) return target;
            // Taken in between: the sidecar comes back and the next name is tried.
            UnixFile.RenameNoReplace(target + InboxFilter.SidecarSuffix, sidecarTemp);
        }
    }

    private static async Task WriteAsync(string path, Stream content, CancellationToken ct)
    {
        await using (content)
        await using (var output = FileModes.CreateNew(path, FileModes.RouteFile))
        {
            await content.CopyToAsync(output, ct);
            output.Flush(flushToDisk: true);
        }
    }

    // Written by a serializer, so no field can break out of its string.
    private static string SidecarText(NewDrop d)
    {
        var fields = new Dictionary<string, string>();
        foreach (var (key, value) in new[] { ("title", d.Title), ("number", d.Number), ("submitterEmail", d.SubmitterEmail), ("note", d.Note) })
            if (value.Trim().Length > 0) fields[key] = value.Trim();
        return JsonSerializer.Serialize(fields, new JsonSerializerOptions { WriteIndented = true });
    }

    [LoggerMessage(LogLevel.Information, "Dashboard user {User} sent {Name} to the inbox of route {Route}")]
    private partial void LogDropped(string user, string route, string name);
}
