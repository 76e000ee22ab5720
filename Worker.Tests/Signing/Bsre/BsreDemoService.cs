using System.Text.Json.Nodes;

namespace Worker.Tests.Signing.Bsre;

/// <summary>
/// The test BSrE service as a process for `scripts/run.sh --bsre-demo` (the test runner never calls this entry point):
/// `dotnet Worker.Tests.dll bsre-demo DIR` starts it on loopback, writes DIR/appsettings.bsre.json (a BSrE signer for the
/// demo route, its client files, the test CA as a trust anchor) and DIR/passphrase.txt, and runs until stopped.
/// </summary>
public static class BsreDemoService
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not ["bsre-demo", var directory])
        {
            Console.Error.WriteLine("usage: Worker.Tests bsre-demo DIR   (for scripts/run.sh --bsre-demo)");
            return 2;
        }
        directory = Directory.CreateDirectory(directory).FullName;
        await using var service = await TestBsreService.StartAsync();
        var (user, pass) = service.WriteClientFiles(directory);
        var passphrase = Path.Combine(directory, "passphrase.txt");
        await File.WriteAllTextAsync(passphrase, service.Passphrase + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(passphrase, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var official = BsreTestPki.Official;
        var config = new JsonObject
        {
            ["Worker"] = new JsonObject
            {
                ["Signers"] = new JsonObject
                {
                    ["kadis-bsre"] = new JsonObject
                    {
                        ["Kind"] = "Bsre", ["Nik"] = official.Nik, ["Name"] = official.Name, ["Position"] = "Kepala Dinas",
                        ["Bsre"] = new JsonObject { ["Url"] = service.Url, ["UserFile"] = user, ["PasswordFile"] = pass },
                    },
                },
                ["Verification"] = new JsonObject { ["TrustAnchors"] = new JsonArray(BsreTestPki.Instance.CaPem) },
                ["Routes"] = new JsonArray(new JsonObject
                {
                    ["Approvers"] = new JsonArray(new JsonObject { ["Name"] = official.Name, ["Signer"] = "kadis-bsre" }),
                }),
            },
        };
        // Written last and renamed into place: run.sh starts the worker once this file exists.
        var target = Path.Combine(directory, "appsettings.bsre.json");
        await File.WriteAllTextAsync(target + ".tmp", config.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        File.Move(target + ".tmp", target, overwrite: true);
        Console.WriteLine($"Test BSrE service on {service.Url} (NIK {official.Nik}); passphrase in {passphrase}");
        using var stop = new CancellationTokenSource();
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        try { await Task.Delay(Timeout.Infinite, stop.Token); }
        catch (OperationCanceledException) { /* stopped by run.sh */ }
        return 0;
    }
}
