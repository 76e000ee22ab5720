using System.Text;
using Worker.Signing;

namespace Worker.Cli;

/// <summary>
/// Reads an official's secret (passphrase, TOTP code, PIN) for <c>sign --signer NAME</c>: typed on the terminal without echo,
/// or one line from standard input when it is not a terminal, so scripts and tests can pipe it. Never an argument.
/// </summary>
internal static class SecretPrompt
{
    /// <summary>The secret, prompting on <paramref name="prompt"/> with <paramref name="label"/> when typed on a terminal.</summary>
    public static PersonalSecret Read(string label, string signer, TextReader stdin, TextWriter prompt)
    {
        var text = ReadLine(label, stdin, prompt);
        if (string.IsNullOrEmpty(text)) throw new UsageException($"--signer {signer}: no {label} was given on standard input");
        return new PersonalSecret(text);
    }

    /// <summary>One line: typed without echo after "<paramref name="label"/>: " on a terminal, else read from <paramref name="stdin"/>.</summary>
    public static string? ReadLine(string label, TextReader stdin, TextWriter prompt) =>
        Console.IsInputRedirected || stdin != Console.In ? stdin.ReadLine() : ReadHidden(label, prompt);

    private static string ReadHidden(string label, TextWriter prompt)
    {
        prompt.Write($"{label}: ");
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
