namespace Worker.Operators;

/// <summary>How an operator action ended; the command line and the dashboard map it to an exit code or a status.</summary>
public enum OperatorOutcome
{
    /// <summary>The action was taken.</summary>
    Done,
    /// <summary>No document or step has the id.</summary>
    NotFound,
    /// <summary>The document's state does not allow the action; nothing changed.</summary>
    NotAllowed,
}
