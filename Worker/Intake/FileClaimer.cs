using Worker.Filing;

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
        var sidecarPath = path + InboxFilter.SidecarSuffix;
        var ticket = new ClaimTicket
        {
            Id = id, Route = route.Name, SourceName = FileNames.Plain(name), ClaimedAt = clock.GetUtcNow(), ClaimedBy = Environment.MachineName,
        };
        if (RegularFile.Taken(sidecarPath))
        {
            var (text, refusal) = ReadSidecar(sidecarPath);
            if (text is not null || refusal is not null)
                ticket = ticket with { SidecarName = FileNames.Plain(name + InboxFilter.SidecarSuffix), SidecarText = text, SidecarRefusal = refusal };
        }
        var ticketPath = route.Ticket(id);
        route.OpenProcessing();
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
        route.OpenProcessing();
        var claimed = route.ClaimedPdf(ticket.Id);
        var temporary = claimed + UploadSuffix;
        // A leftover of an earlier try (or something planted) is removed as an entry, never written through.
        File.Delete(temporary);
        await using (var output = FileModes.CreateNew(temporary, FileModes.PrivateFile))
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

    // The text (at most one byte over the limit, so the reader can say it is too big), and why it was not read (whole).
    private static (string? Text, FileRefusal? Refusal) ReadSidecar(string path)
    {
        try
        {
            using var stream = RegularFile.OpenRead(path, long.MaxValue);
            var buffer = new byte[MaxSidecarBytes + 1];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return (System.Text.Encoding.UTF8.GetString(buffer, 0, read), read > MaxSidecarBytes ? FileRefusal.TooBig : null);
        }
        catch (RefusedFileException e)
        {
            return (null, e.Refusal);
        }
        catch (FileNotFoundException)
        {
            return (null, null);
        }
    }
}
