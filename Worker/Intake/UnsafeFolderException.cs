namespace Worker.Intake;

/// <summary>An inbox or its .processing folder is a link or not the worker's own; intake leaves that route alone until it is fixed.</summary>
public sealed class UnsafeFolderException(string problem) : IOException(problem);
