using System.Collections.Concurrent;
using Worker.Persistence;

namespace Worker.Tests.Support;

/// <summary>Stamp notes kept in memory, for a signing port built without a database.</summary>
public sealed class RecordedStampNotes : IStampNoteRecorder
{
    /// <summary>Each note recorded, with its document.</summary>
    public ConcurrentQueue<(Guid DocumentId, string Detail)> Notes { get; } = new();

    public Task RecordStampNoteAsync(Guid id, string detail, DateTimeOffset at, CancellationToken ct)
    {
        Notes.Enqueue((id, detail));
        return Task.CompletedTask;
    }
}
