using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using System.Text.Json.Nodes;
using Worker.Configuration;
using Worker.Tests.Support;

namespace Worker.Tests.Configuration;

/// <summary>Each section is served on its own, and it is the very object inside the bound WorkerOptions.</summary>
public sealed class OptionsSetupTests : IDisposable
{
    private readonly TestConfig config = new("Host=127.0.0.1;Database=unused;Username=unused");

    public void Dispose() => config.Dispose();

    private static ServiceProvider Services(string configFile)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(configFile).Build();
        return new ServiceCollection().AddWorkerOptions(configuration).BuildServiceProvider();
    }

    [Fact]
    public void EverySection_IsTheObjectInsideWorkerOptions()
    {
        config.Worker["Intake"] = new JsonObject { ["MaxFileBytes"] = 12345 };
        using var services = Services(config.Write());
        var worker = services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        Assert.NotEmpty(OptionsSetup.Sections);
        foreach (var section in OptionsSetup.Sections)
        {
            var options = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(section.PropertyType));
            var value = options.GetType().GetProperty("Value")!.GetValue(options);
            Assert.Same(section.GetValue(worker), value);
        }
        Assert.Equal(12345, services.GetRequiredService<IOptions<IntakeOptions>>().Value.MaxFileBytes);
    }

    [Fact]
    public void RouteBookAndSignerProfiles_ReadTheRoutesAndSignersInsideWorkerOptions()
    {
        using var services = Services(config.Write());
        var worker = services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        Assert.NotEmpty(worker.Routes);
        Assert.Same(worker.Routes, services.GetRequiredService<RouteBook>().All);
        var (name, profile) = worker.Signers.First();
        Assert.Same(profile, services.GetRequiredService<SignerProfiles>()[name]);
    }

    [Fact]
    public void Sections_CoverEveryOptionsClassOfWorkerOptions()
    {
        var names = OptionsSetup.Sections.Select(p => p.Name).ToHashSet();
        foreach (var expected in new[] { "Database", "Mail", "Timestamp", "Signing", "Intake", "OfficeHours", "Dashboard", "Web", "Audit", "Approval", "Api", "Verification", "Incidents" })
            Assert.Contains(expected, names);
    }
}
