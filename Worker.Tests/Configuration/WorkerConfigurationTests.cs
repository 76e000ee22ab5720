using System.Text.Json.Nodes;
using Worker.Cli;
using Worker.Configuration;
using Worker.Tests.Support;

namespace Worker.Tests.Configuration;

/// <summary>Each kind of bad setting stops `Worker run` with exit code 2 and one line naming the key.</summary>
public sealed class WorkerConfigurationTests : IDisposable
{
    // No database is needed: validation happens before anything connects.
    private readonly TestConfig config = new("Host=127.0.0.1;Database=unused;Username=unused");

    public void Dispose() => config.Dispose();

    private async Task<(int Code, string Error)> RunAsync()
    {
        var err = new StringWriter();
        var code = await CommandLine.RunAsync(["run", "--config", config.Write()], new StringWriter(), err);
        return (code, err.ToString());
    }

    private static void AssertOneLine(string error, string expected)
    {
        Assert.Contains(expected, error);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Run_ExitsWithUsage_WhenInboxFolderIsMissing()
    {
        config.Route["Inbox"] = "/srv/nope/inbox";
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, "Worker:Routes:0:Inbox: folder /srv/nope/inbox does not exist");
    }

    [Fact]
    public async Task Run_ExitsWithUsage_WhenProcessingIsASymlink()
    {
        var inbox = config.Route["Inbox"]!.GetValue<string>();
        var elsewhere = Directory.CreateDirectory(Path.Combine(config.Directory, "data", "content")).FullName;
        File.CreateSymbolicLink(Path.Combine(inbox, ".processing"), elsewhere);
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, $"Worker:Routes:0:Inbox: folder {Path.Combine(inbox, ".processing")} is a symbolic link");
    }

    [Theory]
    [InlineData("Inbox")]
    [InlineData("Failed")]
    [InlineData("Declined")]
    public async Task Run_ExitsWithUsage_WhenARouteFolderIsASymlink(string key)
    {
        var real = config.Route[key]!.GetValue<string>();
        var link = real + "-link";
        File.CreateSymbolicLink(link, real);
        config.Route[key] = link;
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, $"Worker:Routes:0:{key}: folder {link} is a symbolic link");
    }

    [Fact]
    public async Task Run_ExitsWithUsage_WhenAUnitFolderIsASymlinkToAnotherUnitsFolder()
    {
        var inbox = config.Route["Inbox"]!.GetValue<string>();
        Directory.CreateDirectory(Path.Combine(inbox, "bidang-keuangan"));
        File.CreateSymbolicLink(Path.Combine(inbox, "bidang-umum"), Path.Combine(inbox, "bidang-keuangan"));
        config.Route["Units"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["Folder"] = "bidang-umum", ["Email"] = "umum@example.go.id" });
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, $"Worker:Routes:0:Units:0:Folder: folder {Path.Combine(inbox, "bidang-umum")} is a symbolic link");
    }

    [Theory]
    [InlineData("../surat-masuk/inbox")]
    [InlineData(".processing")]
    [InlineData("a/b")]
    public async Task Run_ExitsWithUsage_WhenAUnitFolderIsNotAPlainSubfolderName(string folder)
    {
        config.Route["Units"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["Folder"] = folder, ["Email"] = "umum@example.go.id" });
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, $"Worker:Routes:0:Units:0:Folder: '{folder}' must be a subfolder name");
    }

    [Fact]
    public async Task Run_ExitsWithUsage_WhenTheArchiveRootIsASymlink()
    {
        var root = Path.Combine(config.Directory, "routes", "surat-keluar", "signed");
        File.CreateSymbolicLink(root + "-link", root);
        config.Route["Archive"] = root + "-link/{yyyy}/{name}.pdf";
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, $"Worker:Routes:0:Archive: folder {root}-link is a symbolic link");
    }

    [Fact]
    public async Task Run_ExitsWithUsage_WhenTheFailedFolderBelongsToAnotherUser()
    {
        var failed = config.Route["Failed"]!.GetValue<string>();
        // As root (CI) the folder is given away; as anyone else a root-owned folder is already someone else's.
        if (Worker.Filing.UnixFile.EffectiveUser == 0) Chown(failed, 65534);
        else config.Route["Failed"] = failed = "/";
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, $"Worker:Routes:0:Failed: folder {failed} belongs to user id");
        Assert.Contains("not to the worker's user", error);
    }

    private static void Chown(string path, int user)
    {
        using var chown = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("chown") { ArgumentList = { user.ToString(), path } })!;
        chown.WaitForExit();
        Assert.Equal(0, chown.ExitCode);
    }

    [Fact]
    public async Task Run_ExitsWithUsage_WhenUrlIsNotAUrl()
    {
        config.Worker["PublicBaseUrl"] = "tte.sulbar";
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, "Worker:PublicBaseUrl: 'tte.sulbar' is not an http:// or https:// URL");
    }

    [Fact]
    public async Task Run_ExitsWithUsage_WhenTimeSpanIsMalformed()
    {
        config.Worker["Intake"]!["StableFor"] = "two seconds";
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, "Worker:Intake:StableFor: 'two seconds' is not a valid time span");
    }

    [Theory]
    [InlineData("RemindAfter", "3 days", "is not a valid time span (write d.hh:mm:ss")]
    [InlineData("ApprovalExpiry", "", "is not a valid time span")]
    [InlineData("MaxReminders", "two", "is not a valid whole number")]
    [InlineData("SignEach", "yes", "is not a valid true/false value")]
    public async Task Run_ExitsWithUsage_WhenARouteSettingDoesNotConvert(string key, string value, string expected)
    {
        config.Route[key] = value;
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, $"Worker:Routes:0:{key}: '{value}' {expected}");
    }

    [Fact]
    public async Task Run_ExitsWithUsage_WhenAWholeNumberIsNotOne()
    {
        config.Worker["Intake"]!["MaxFileBytes"] = "big";
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, "Worker:Intake:MaxFileBytes: 'big' is not a valid whole number");
    }

    [Fact]
    public async Task Run_ExitsWithUsage_WhenATrueFalseSettingIsNeither()
    {
        config.Worker["Verification"] = new JsonObject { ["CheckRevocationOnline"] = "maybe" };
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, "Worker:Verification:CheckRevocationOnline: 'maybe' is not a valid true/false value");
    }

    [Fact]
    public async Task Run_ExitsWithUsage_WhenANumberInsideARouteIsNotOne()
    {
        config.Route["Stamp"] = new JsonObject { ["X"] = "left" };
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, "Worker:Routes:0:Stamp:X: 'left' is not a valid number");
    }

    [Fact]
    public async Task Run_ExitsWithUsage_WhenASettingInsideASignerDoesNotConvert()
    {
        config.Worker["Signers"]!["demo"]!["Pkcs11"] = new JsonObject { ["SlotId"] = "-1" };
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, "Worker:Signers:demo:Pkcs11:SlotId: '-1' is not a valid whole number from 0");
    }

    [Fact]
    public async Task Run_ExitsWithUsage_WhenAWorkdayIsNotADayName()
    {
        config.Worker["OfficeHours"] = new JsonObject { ["Workdays"] = new JsonArray("Monday", "Senin") };
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, "Worker:OfficeHours:Workdays:1: 'Senin' is not a valid day name (Monday ... Sunday)");
    }

    [Fact]
    public async Task Run_ExitsWithUsage_WhenADictionaryValueDoesNotConvert()
    {
        config.Worker["Timestamp"] = new JsonObject { ["HashWeakFrom"] = new JsonObject { ["SHA1"] = "soon" } };
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, "Worker:Timestamp:HashWeakFrom:SHA1: 'soon' is not a valid date and time");
    }

    [Fact]
    public void Load_LeavesANullableSettingUnset_WhenItIsEmpty()
    {
        config.Route["Ltv"] = "";
        config.Route["RemindAfter"] = "2.00:00:00";

        var options = WorkerConfiguration.Load(WorkerConfiguration.Build(config.Write()));

        Assert.Null(options.Routes[0].Ltv);
        Assert.Equal(TimeSpan.FromDays(2), options.Routes[0].RemindAfter);
    }

    [Theory]
    [InlineData("Parallel")]
    [InlineData("1")]
    [InlineData("Sequential, All")]
    public async Task Run_ExitsWithUsage_WhenRouteModeIsNotAName(string mode)
    {
        config.Route["Mode"] = mode;
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, $"Worker:Routes:0:Mode: '{mode}' must be Sequential or All");
    }

    [Fact]
    public async Task Run_ExitsWithUsage_WhenSmtpSecurityIsNotAName()
    {
        config.Worker["Mail"]!["Smtp"] = new JsonObject { ["Host"] = "127.0.0.1", ["Security"] = "Tls" };
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, "Worker:Mail:Smtp:Security: 'Tls' must be None, StartTls, SslOnConnect or Auto");
    }

    [Fact]
    public async Task Run_ExitsWithUsage_WhenDashboardRoleIsNotAName()
    {
        config.Worker["Dashboard"] = new JsonObject
        {
            ["Users"] = new JsonArray(new JsonObject { ["Name"] = "kasubag", ["PasswordHash"] = PasswordHash.Create("rahasia-panjang"), ["Role"] = "Admin" }),
        };
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, "Worker:Dashboard:Users:0:Role: 'Admin' must be Operator or Viewer");
    }

    [Theory]
    [InlineData("first")]
    [InlineData("0")]
    [InlineData("-1")]
    public async Task Run_ExitsWithUsage_WhenStampPageIsNeitherLastNorAPageNumber(string page)
    {
        config.Route["Stamp"] = new JsonObject { ["Page"] = page };
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, $"Worker:Routes:0:Stamp:Page: '{page}' must be 'last' or a page number from 1");
    }

    [Fact]
    public void Load_BindsEnumSettingsWrittenInLowerCase()
    {
        config.Route["Mode"] = "all";
        config.Route["Ltv"] = "lta";
        config.Route["Stamp"] = new JsonObject { ["Page"] = "LAST" };
        config.Worker["Mail"]!["Smtp"] = new JsonObject { ["Host"] = "127.0.0.1", ["Security"] = "sslonconnect" };
        config.Worker["Dashboard"] = new JsonObject
        {
            ["Users"] = new JsonArray(new JsonObject { ["Name"] = "kasubag", ["PasswordHash"] = PasswordHash.Create("rahasia-panjang"), ["Role"] = "operator" }),
        };

        var options = WorkerConfiguration.Load(WorkerConfiguration.Build(config.Write()));

        Assert.Equal(RouteMode.All, options.Routes[0].Mode);
        Assert.Equal(LtvSetting.LTA, options.Routes[0].Ltv);
        Assert.Null(options.Routes[0].Stamp.Page.Number);
        Assert.Equal(SmtpSecurity.SslOnConnect, options.Mail.Smtp.Security);
        Assert.Equal(DashboardRole.Operator, options.Dashboard.Users[0].Role);
    }

    [Fact]
    public void Load_BindsAStampPageNumber()
    {
        config.Route["Stamp"] = new JsonObject { ["Page"] = 2 };

        var options = WorkerConfiguration.Load(WorkerConfiguration.Build(config.Write()));

        Assert.Equal(2, options.Routes[0].Stamp.Page.Number);
    }

    [Fact]
    public async Task Run_ExitsWithUsage_WhenSecretFileIsMissing()
    {
        var passwordFile = config.Worker["Signers"]!["demo"]!["PasswordFile"]!.GetValue<string>();
        File.Delete(passwordFile);
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, $"Worker:Signers:demo:PasswordFile: file {passwordFile} does not exist");
    }

    [Fact]
    public async Task Run_ExitsWithUsage_WhenApproverNamesUnknownSigner()
    {
        config.Route["Approvers"]![0]!["Signer"] = "bupati";
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, "Worker:Routes:0:Approvers:0:Signer: 'bupati' is not a signer under Worker:Signers");
    }

    [Fact]
    public async Task Run_ExitsWithUsage_WhenConfigFileIsMissing()
    {
        var err = new StringWriter();
        var code = await CommandLine.RunAsync(["run", "--config", "/nope/x.json"], new StringWriter(), err);
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(err.ToString(), "--config: file /nope/x.json does not exist");
    }

    [Fact]
    public async Task Run_TakesEnvironmentOverConfigFile()
    {
        config.Route["Inbox"] = "/srv/from-file";
        Environment.SetEnvironmentVariable("Worker__Routes__0__Inbox", "/srv/from-environment");
        try
        {
            var (code, error) = await RunAsync();
            Assert.Equal(ExitCode.Usage, code);
            AssertOneLine(error, "Worker:Routes:0:Inbox: folder /srv/from-environment does not exist");
        }
        finally
        {
            Environment.SetEnvironmentVariable("Worker__Routes__0__Inbox", null);
        }
    }
}
