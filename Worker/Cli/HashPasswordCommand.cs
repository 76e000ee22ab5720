using System.Text;
using Worker.Configuration;
using Worker.Dashboard;

namespace Worker.Cli;

/// <summary><c>Worker hash-password</c>: reads a password from stdin (hidden on a terminal) and prints the hash for Worker:Dashboard:Users.</summary>
public static class HashPasswordCommand
{
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length > 0) throw new UsageException("hash-password takes no arguments; it reads the password from standard input");
        var password = Console.IsInputRedirected || stdin != Console.In ? stdin.ReadLine() : ReadHidden(stderr);
        if (string.IsNullOrEmpty(password)) throw new UsageException("hash-password: the password is empty");
        if (password.Length < 10) throw new UsageException("hash-password: use at least 10 characters");
        stdout.WriteLine(PasswordHash.Create(password));
        return ExitCode.Done;
    }

    private static string ReadHidden(TextWriter prompt)
    {
        prompt.Write("Password: ");
        var text = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (text.Length > 0) text.Length--; }
            else text.Append(key.KeyChar);
        }
        prompt.WriteLine();
        return text.ToString();
    }
}
