namespace Worker.Tests.Pdf.Stamp;

/// <summary>What a finished command-line tool run printed.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Stdout">Standard output, as UTF-8.</param>
/// <param name="Stderr">Standard error, as UTF-8.</param>
internal sealed record ToolResult(int ExitCode, string Stdout, string Stderr);
