namespace Worker.Operators;

/// <summary>The result of an operator action: its outcome and one line for a person.</summary>
public sealed record OperatorResult
{
    /// <summary>Done, not found, or not allowed in the document's state.</summary>
    public required OperatorOutcome Outcome { get; init; }
    /// <summary>What happened, or why nothing did, in one line.</summary>
    public required string Message { get; init; }

    public static OperatorResult Done(string message) => new() { Outcome = OperatorOutcome.Done, Message = message };

    public static OperatorResult NotAllowed(string message) => new() { Outcome = OperatorOutcome.NotAllowed, Message = message };

    public static OperatorResult NotFound(Guid id) => new() { Outcome = OperatorOutcome.NotFound, Message = $"no document or approval step {id}" };
}
