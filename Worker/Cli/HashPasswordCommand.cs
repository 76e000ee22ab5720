using Worker.Configuration;
using Worker.Dashboard;

namespace Worker.Cli;

/// <summary><c>Worker hash-password</c>: reads a password from stdin (hidden on a terminal) and prints the hash for Worker:Dashboard:Users.</summary>
public static class HashPasswordCommand
{
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length > 0) throw new UsageException("hash-password takes no arguments; it reads the password from standard input");
        var password = SecretPrompt.ReadLine("Password", stdin, stderr);
        if (string.IsNullOrEmpty(password)) throw new UsageException("hash-password: the password is empty");
        if (password.Length < 10) throw new UsageException("hash-password: use at least 10 characters");
        stdout.WriteLine(PasswordHash.Create(password));
        return ExitCode.Done;
    }
}
