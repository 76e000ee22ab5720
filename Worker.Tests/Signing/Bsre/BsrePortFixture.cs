using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Persistence;
using Worker.Pdf.Keys;
using Worker.Signing;
using Worker.Signing.Bsre;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Signing.Bsre;

/// <summary>A running test BSrE service and a signing port configured with a BSrE signer ("kadis") and a local one ("demo").</summary>
public sealed class BsrePortFixture : IAsyncLifetime
{
    public TestBsreService Service { get; private set; } = null!;
    public SigningPort Port { get; private set; } = null!;
    public WorkerOptions Options { get; } = new();
    public TempDirectory Work { get; } = new();
    /// <summary>Generous: pdfsig signing several files on a loaded CI machine; the slow-service test uses a short client of its own.</summary>
    public static readonly TimeSpan SigningTimeout = TimeSpan.FromSeconds(90);
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        Service = await TestBsreService.StartAsync();
        var (user, pass) = Service.WriteClientFiles(Work.Path);
        Options.Signers["kadis"] = new SignerOptions
        {
            Kind = SignerKinds.Bsre, Name = "Dr. Ahmad Official", Position = "Kepala Dinas", Nik = BsreTestPki.Official.Nik,
            Bsre = new BsreOptions { Url = Service.Url, UserFile = user, PasswordFile = pass, Timeout = SigningTimeout },
        };
        // The same official through an older install's API v1.
        Options.Signers["kadis-v1"] = new SignerOptions
        {
            Kind = SignerKinds.Bsre, Name = "Dr. Ahmad Official", Position = "Kepala Dinas", Nik = BsreTestPki.Official.Nik,
            Bsre = new BsreOptions { Url = Service.Url, UserFile = user, PasswordFile = pass, Timeout = SigningTimeout, Api = "V1" },
        };
        Options.Signers["demo"] = new SignerOptions
        {
            Pkcs12 = DemoPki.Instance.Rsa.Pkcs12, PasswordFile = DemoPki.Instance.Rsa.PasswordFile, Name = "Demo", Position = "Kepala",
        };
        services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var http = services.GetRequiredService<IHttpClientFactory>();
        var anchors = new Worker.Pdf.Verification.TrustAnchorSource([BsreTestPki.Instance.CaPem, DemoPki.Instance.CaPem], []);
        IDocumentSigner[] signers =
        [
            new LocalEngineSigner(new Worker.Signing.Keys.SignerKeys(new SignerProfiles(Options.Signers), TimeProvider.System), new TimestampSource(Microsoft.Extensions.Options.Options.Create(Options.Timestamp), http), anchors, options, TimeProvider.System,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<LocalEngineSigner>.Instance, new RecordedStampNotes()),
            Bsre = new BsreSigner(http, options, TimeProvider.System),
        ];
        Port = new SigningPort(signers, anchors, new SignerProfiles(Options.Signers));
    }

    /// <summary>A request for <paramref name="signer"/> from <paramref name="input"/> into a fresh output path.</summary>
    public SigningRequest Request(string input, string signer, string? passphrase) => new()
    {
        DocumentId = Guid.NewGuid(),
        Step = new SigningStep { Id = Guid.NewGuid(), Position = 0, Name = "Dr. Ahmad Official", JobTitle = "Kepala Dinas", Email = "ahmad@example.go.id", Signer = signer },
        StampIndex = 0, Stamp = new StampOptions(), InputPath = input, OutputPath = Work.File($"out-{Guid.NewGuid():N}.pdf"),
        Secret = passphrase is null ? null : new PersonalSecret(passphrase),
    };

    /// <summary>The BSrE signer, for its clients of either API version.</summary>
    public BsreSigner Bsre { get; private set; } = null!;

    /// <summary>The client the BSrE signer uses, for direct calls.</summary>
    public IBsreClient Client(string? password = null, TimeSpan? timeout = null)
    {
        var profile = Options.Signers["kadis"];
        if (timeout is { } shorter)
        {
            var quick = new BsreOptions { Url = profile.Bsre.Url, UserFile = profile.Bsre.UserFile, PasswordFile = profile.Bsre.PasswordFile, Timeout = shorter };
            return new BsreClient(new BsreHttp(services.GetRequiredService<IHttpClientFactory>().CreateClient(), quick, 100_000_000));
        }
        if (password is null) return new BsreClient(new BsreHttp(services.GetRequiredService<IHttpClientFactory>().CreateClient(), profile.Bsre, 100_000_000));
        var (_, pass) = Service.WriteClientFiles(Directory.CreateTempSubdirectory("bsre-bad-").FullName, password);
        var bad = new BsreOptions { Url = profile.Bsre.Url, UserFile = profile.Bsre.UserFile, PasswordFile = pass, Timeout = profile.Bsre.Timeout };
        return new BsreClient(new BsreHttp(services.GetRequiredService<IHttpClientFactory>().CreateClient(), bad, 100_000_000));
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await services.DisposeAsync();
        Work.Dispose();
    }
}
