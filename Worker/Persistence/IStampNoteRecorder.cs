namespace Worker.Persistence;

/// <summary>Where the signer records that a letter's stamp is not where its route asks (the "stamp-note" audit event).</summary>
public interface IStampNoteRecorder
{
    /// <summary>Records why the visible stamp is not the signature's widget and where it was drawn instead.</summary>
    Task RecordStampNoteAsync(Guid id, string detail, DateTimeOffset at, CancellationToken ct);
}
