using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Worker.Approval;
using Worker.Cli;
using Worker.Configuration;
using Worker.Hosting;
using Worker.Operators;
using Worker.Persistence;
using Worker.Signing;
using Worker.Signing.Bsre;
using Worker.Signing.Keys;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

/// <summary>The commands' services are the daemon's registrations without its daemon part.</summary>
public sealed class OperatorServicesTests : IDisposable
{
    // Nothing listens on port 1: a command that reaches for the database fails at once.
    private readonly TestConfig config = new("Host=127.0.0.1;Port=1;Database=nothing;Username=nobody;Password=very-secret-pw");

    public void Dispose() => config.Dispose();

    private IConfigurationRoot Configuration() => WorkerConfiguration.Build(config.Write());

    [Fact]
    public async Task Build_ResolvesWhatTheCommandsUse_WithoutTheDatabaseOrWritingToTheDataDirectory()
    {
        var data = Path.Combine(config.Directory, "data-of-a-worker-elsewhere");
        config.Worker["DataDirectory"] = data;
        var configuration = Configuration();

        await using var services = OperatorServices.Build(configuration, WorkerConfiguration.Bind(configuration));

        // A constructor that gains a dependency only the daemon registers fails here, not in front of an operator.
        foreach (var type in new[]
                 {
                     typeof(OperatorActions), typeof(RefusedFileActions), typeof(DelegationActions), typeof(InboxDrop), typeof(DocumentQueries),
                     typeof(ApprovalStore), typeof(ApprovalLinks), typeof(AuditLog), typeof(IBackgroundJobClient), typeof(SignerReadiness),
                     typeof(SignerKeys), typeof(BsreSigner), typeof(Worker.Pdf.Verification.TrustAnchorSource),
                 })
            Assert.NotNull(services.GetRequiredService(type));
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public void AddWorkerServices_RegistersNoHostedService_AndNoAuditHeadFile()
    {
        var configuration = Configuration();
        var services = new ServiceCollection().AddWorkerServices(configuration, WorkerConfiguration.Bind(configuration), prepareJobSchema: false);

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IHostedService));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(AuditHeadFile));
    }

    [Fact]
    public async Task RunAsync_PrintsOneLineWithTheConnectionStringRedacted_WhenTheDatabaseIsUnreachable()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CommandLine.RunAsync(["documents", "list", "--config", config.Write()], stdout, stderr);

        Assert.Equal(ExitCode.Unexpected, code);
        var line = Assert.Single(stderr.ToString().TrimEnd().Split('\n'));
        Assert.StartsWith("database Host=127.0.0.1;Port=1;Database=nothing;Username=nobody;Password=***", line);
        Assert.DoesNotContain("very-secret-pw", line);
        Assert.Empty(stdout.ToString());
    }

    [Fact]
    public async Task RunAsync_NamesTheKeyInOneLine_WhenARouteSettingDoesNotConvert()
    {
        // The binder alone would drop this route without a word; a command binds as the daemon does.
        config.Route["RemindAfter"] = "3 days";
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CommandLine.RunAsync(["documents", "list", "--config", config.Write()], stdout, stderr);

        Assert.Equal(ExitCode.Usage, code);
        var line = Assert.Single(stderr.ToString().TrimEnd().Split('\n'));
        Assert.StartsWith("Worker:Routes:0:RemindAfter: '3 days' is not a valid time span", line);
        Assert.Empty(stdout.ToString());
    }
}
