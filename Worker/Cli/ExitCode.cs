namespace Worker.Cli;

/// <summary>The process exit codes DESIGN.md promises to scripts and operators.</summary>
public static class ExitCode
{
    public const int Done = 0;
    public const int Unexpected = 1;
    public const int Usage = 2;
    public const int InputRefused = 3;
    public const int SignatureInvalid = 4;
}
