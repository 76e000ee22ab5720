using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Worker.Configuration;
using Worker.Pdf.Verification;
using Worker.Persistence;
using Worker.Signing;
using Worker.Signing.Csc;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Signing.Bsre;
using Worker.Tests.Support;

namespace Worker.Tests.Signing.Csc;

/// <summary>A running test CSC service and a signing port with CSC signers "kadis-csc" (RSA, by NIK) and "ec-csc" (P-256, by fingerprint).</summary>
public sealed class CscPortFixture : IAsyncLifetime
{
    public TestCscService Service { get; private set; } = null!;
    public SigningPort Port { get; private set; } = null!;
    public WorkerOptions Options { get; } = new();
    public TempDirectory Work { get; } = new();
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        Service = await TestCscService.StartAsync();
        var (id, secret) = Service.WriteClientFiles(Work.Path);
        SignerOptions Csc(string credential) => new()
        {
            Kind = SignerKinds.Csc, Name = "Dr. Ahmad Official", Position = "Kepala Dinas", CredentialId = credential, Secret = "Pin",
            Csc = new CscOptions { Url = Service.Url, ClientIdFile = id, ClientSecretFile = secret, Timeout = TimeSpan.FromSeconds(30) },
        };
        Options.Signers["kadis-csc"] = Csc(Service.Official.Id);
        Options.Signers["kadis-csc"].Nik = BsreTestPki.Official.Nik;
        Options.Signers["ec-csc"] = Csc(Service.Ec.Id);
        Options.Signers["ec-csc"].CertificateSha256 = Convert.ToHexString(SHA256.HashData(Service.Ec.Chain[0].RawData));
        services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var http = services.GetRequiredService<IHttpClientFactory>();
        var anchors = new TrustAnchorSource([BsreTestPki.Instance.CaPem, DemoPki.Instance.CaPem], []);
        var engine = new LocalEngineSigner(new Worker.Signing.Keys.SignerKeys(new SignerProfiles(Options.Signers), TimeProvider.System), new TimestampSource(Microsoft.Extensions.Options.Options.Create(Options.Timestamp), http), anchors, options,
            TimeProvider.System, NullLogger<LocalEngineSigner>.Instance, new RecordedStampNotes());
        Port = new SigningPort([engine, new CscSigner(http, engine, TimeProvider.System)], anchors, new SignerProfiles(Options.Signers));
        Readiness = new CscReadiness(http, Microsoft.Extensions.Options.Options.Create(Options.Signing), TimeProvider.System);
    }

    /// <summary>The CSC check behind <c>signers check</c> and /health/ready.</summary>
    public CscReadiness Readiness { get; private set; } = null!;

    /// <summary>A client for <paramref name="signer"/>'s credential, with another client secret when given.</summary>
    public CscClient Client(string signer, string? clientSecret = null)
    {
        var profile = Options.Signers[signer];
        var options = profile.Csc;
        if (clientSecret is not null)
        {
            var (id, secret) = Service.WriteClientFiles(Work.Path, clientSecret);
            options = new CscOptions { Url = options.Url, ClientIdFile = id, ClientSecretFile = secret, Timeout = options.Timeout };
        }
        return new CscClient(services.GetRequiredService<IHttpClientFactory>().CreateClient(), options, profile.CredentialId);
    }

    /// <summary>A request for <paramref name="signer"/> from <paramref name="input"/> into a fresh output path.</summary>
    public SigningRequest Request(string input, string signer, string? pin) => new()
    {
        DocumentId = Guid.NewGuid(),
        Step = new SigningStep { Id = Guid.NewGuid(), Position = 0, Name = "Dr. Ahmad Official", JobTitle = "Kepala Dinas", Email = "ahmad@example.go.id", Signer = signer },
        StampIndex = 0, Stamp = new StampOptions(), InputPath = input, OutputPath = Work.File($"out-{Guid.NewGuid():N}.pdf"),
        Secret = pin is null ? null : new PersonalSecret(pin),
    };

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await services.DisposeAsync();
        Work.Dispose();
    }
}
