using Microsoft.Extensions.Options;
using MimeKit;
using Worker.Configuration;

namespace Worker.Notifications;

/// <summary>Writes each message as an .eml file into the pickup folder (local runs, or a relay that collects files).</summary>
public sealed class PickupMailSender(IOptions<MailOptions> mail, TimeProvider clock) : IMailSender, IMailBatch
{
    public Task<IMailBatch> OpenBatchAsync(CancellationToken ct) => Task.FromResult<IMailBatch>(this);

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var folder = mail.Value.PickupDirectory;
        CreateFolder(folder);
        var name = $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        var temp = Path.Combine(folder, "." + name + ".tmp");
        // Written aside and renamed, so a relay watching the folder never picks up half a message.
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var stream = new FileStream(temp, create))
        {
            await message.WriteToAsync(stream, ct);
            await stream.FlushAsync(ct);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, Path.Combine(folder, name));
    }

    /// <summary>Creates the pickup folder 0700: the messages carry live approval links, for the worker's user only.</summary>
    public static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
