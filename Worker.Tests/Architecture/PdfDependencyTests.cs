using System.Text.RegularExpressions;
using Worker.Tests.Support;

namespace Worker.Tests.Architecture;

public sealed partial class PdfDependencyTests
{
    [Fact]
    public void PdfFolder_UsesNoInfrastructure()
    {
        var pdf = Path.Combine(RepoPaths.Root, "Worker", "Pdf");
        var offending = Directory.Exists(pdf)
            ? Directory.EnumerateFiles(pdf, "*.cs", SearchOption.AllDirectories)
                .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
                .Where(x => Forbidden().IsMatch(x.line))
                .Select(x => $"{Path.GetRelativePath(RepoPaths.Root, x.f)}:{x.i + 1}: {x.line.Trim()}")
                .ToList()
            : [];
        Assert.Empty(offending);
    }

    [Fact]
    public void PdfAssemblyTypes_ReferenceNoInfrastructureTypes()
    {
        var forbidden = new[] { "Hangfire", "Npgsql", "MailKit", "MimeKit", "Quartz", "Microsoft.AspNetCore" };
        var pdfTypes = typeof(Program).Assembly.GetTypes().Where(t => t.Namespace?.StartsWith("Worker.Pdf", StringComparison.Ordinal) == true);
        var offending = pdfTypes
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static |
                                         System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
                .Select(f => (t, f.FieldType)))
            .Where(x => forbidden.Any(n => x.FieldType.Namespace?.StartsWith(n, StringComparison.Ordinal) == true))
            .Select(x => $"{x.t.FullName} holds a {x.FieldType.FullName}")
            .ToList();
        Assert.Empty(offending);
    }

    [GeneratedRegex(@"\b(Hangfire|Npgsql|MailKit|MimeKit|Quartz|Microsoft\.AspNetCore)\b")]
    private static partial Regex Forbidden();
}
