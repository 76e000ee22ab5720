using System.Diagnostics;
using Worker.Tests.Support;

namespace Worker.Tests.Hosting;

/// <summary>
/// The short chaos run (scripts/chaos.sh; README: Measured robustness has the long one): two workers killed at random, a database
/// restart, SMTP down, a full archive, and still every dropped and approved file filed exactly once.
/// </summary>
public sealed class ChaosScriptTests
{
    [Fact]
    public async Task ChaosScript_EndsEveryDocumentFiledOnce_WhenWorkersDatabaseMailAndArchiveFail()
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root,
        };
        foreach (var a in new[] { "scripts/chaos.sh", "--files", "12", "--workers", "2", "--faults", "25", "--converge", "120", "--bin", AppContext.BaseDirectory })
            info.ArgumentList.Add(a);
        using var chaos = Process.Start(info)!;
        var output = chaos.StandardOutput.ReadToEndAsync();
        var errors = chaos.StandardError.ReadToEndAsync();
        // The short run takes about 2 minutes on a quiet machine and 4 to 5 on a loaded one; past 12 it is stuck.
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(12));
        try
        {
            await chaos.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            chaos.Kill(entireProcessTree: true);
            Assert.Fail("chaos.sh did not finish within 12 minutes:\n" + await output + await errors);
        }
        var text = await output + await errors;
        Assert.True(chaos.ExitCode == 0, text);
        Assert.Contains("chaos: passed", text);
        // The whole output on failure: which state a document ended in, and the run folder kept with its logs.
        Assert.True(text.Contains("documents: Filed=12", StringComparison.Ordinal), text);
    }
}
