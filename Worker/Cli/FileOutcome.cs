namespace Worker.Cli;

/// <summary>How signing one file of the <c>sign</c> command ended: its exit code and its one line.</summary>
/// <param name="Code">An <see cref="ExitCode"/> value.</param>
/// <param name="Line">What is printed for the file (stdout when done, stderr otherwise).</param>
/// <param name="StopsTheRest">The secret was wrong: the remaining files are not sent under it.</param>
internal sealed record FileOutcome(int Code, string Line, bool StopsTheRest = false);
