namespace Worker.Intake;

/// <summary>Log lines of intake's normalisation.</summary>
internal static partial class IntakeNormaliserLog
{
    [LoggerMessage(LogLevel.Information, "Document {DocumentId} normalised with qpdf ({Reason}); the approver sees the rewritten file, the original is kept")]
    public static partial void Normalised(ILogger logger, Guid documentId, string reason);

    [LoggerMessage(LogLevel.Warning, "Document {DocumentId} needed normalising ({Reason}) but could not be repaired: {Why}")]
    public static partial void Unrepairable(ILogger logger, Guid documentId, string reason, string why);
}
