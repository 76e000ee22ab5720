using Microsoft.Extensions.Options;
using Worker.Configuration;

namespace Worker.Signing;

/// <summary>
/// Files signed during an approval request (a remote signer with the official's secret), kept in the data directory
/// until the sign-and-file job takes them up in route order. They hold signed PDFs only, never a secret.
/// </summary>
public sealed class PresignedOutputs(IOptions<WorkerOptions> options)
{
    /// <summary>Where the output of a document's step at <paramref name="position"/> is kept.</summary>
    public string PathOf(Guid documentId, int position)
    {
        var folder = Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "signed-at-approval");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{documentId:N}-{position}.pdf");
    }

    /// <summary>The kept output, or null when that step was not signed at approval.</summary>
    public string? Find(Guid documentId, int position)
    {
        var path = PathOf(documentId, position);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Removes a filed document's kept outputs; the filed file holds their signatures.</summary>
    public void Forget(Guid documentId)
    {
        var folder = Path.GetDirectoryName(PathOf(documentId, 0))!;
        foreach (var file in Directory.EnumerateFiles(folder, $"{documentId:N}-*.pdf")) File.Delete(file);
    }
}
