namespace Worker.Intake;

/// <summary>Takes a file out of an inbox by renaming it into .processing; the rename is the lock between workers.</summary>
public sealed class FileClaimer(TimeProvider clock)
{
    /// <summary>Larger sidecars are refused as invalid; the limit keeps a stray big file from being read into memory.</summary>
    public const int MaxSidecarBytes = 64 * 1024;

    /// <summary>Claims <paramref name="path"/> as document <paramref name="id"/>; null when the file is gone (another worker took it).</summary>
    public ClaimTicket? TryClaim(InboxRoute route, string path, Guid id)
    {
        var name = Path.GetFileName(path);
        var sidecarName = name + InboxFilter.SidecarSuffix;
        var ticket = new ClaimTicket
        {
            Id = id, Route = route.Name, SourceName = name, ClaimedAt = clock.GetUtcNow(), ClaimedBy = Environment.MachineName,
            SidecarName = File.Exists(Path.Combine(route.Inbox, sidecarName)) ? sidecarName : null,
        };
        if (ticket.SidecarName is not null)
            ticket = ticket with { SidecarText = ReadSidecar(Path.Combine(route.Inbox, sidecarName)) };
        var ticketPath = route.Ticket(id);
        // Someone may have removed .processing by hand; the claim must not fail for that.
        Directory.CreateDirectory(route.Processing);
        ticket.Write(ticketPath);
        try
        {
            // overwrite: true makes .NET use rename(2), which only one worker can win; without it .NET links then
            // unlinks, and two workers could both link the same file. The target name is new, so nothing is overwritten.
            File.Move(path, route.ClaimedPdf(id), overwrite: true);
            return ticket;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            File.Delete(ticketPath);
            return null;
        }
        catch
        {
            File.Delete(ticketPath);
            throw;
        }
    }

    /// <summary>
    /// Claims uploaded bytes as <paramref name="ticket"/>'s document: written whole under a name recovery ignores, then the
    /// ticket, then renamed into .processing/{id}.pdf, so a recovered claim always has its full file.
    /// </summary>
    public static async Task ClaimUploadAsync(InboxRoute route, Stream upload, ClaimTicket ticket, CancellationToken ct)
    {
        Directory.CreateDirectory(route.Processing);
        var claimed = route.ClaimedPdf(ticket.Id);
        var temporary = claimed + UploadSuffix;
        await using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 81920))
        {
            await upload.CopyToAsync(output, ct);
            await output.FlushAsync(ct);
            output.Flush(flushToDisk: true);
        }
        ticket.Write(route.Ticket(ticket.Id));
        File.Move(temporary, claimed, overwrite: true);
    }

    /// <summary>Added to .processing/{id}.pdf while an upload is written.</summary>
    public const string UploadSuffix = ".upload";

    private static string? ReadSidecar(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var buffer = new byte[MaxSidecarBytes + 1];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
