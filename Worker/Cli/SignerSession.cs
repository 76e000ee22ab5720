using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Pdf.Keys;
using Worker.Pdf.Verification;
using Worker.Persistence;
using Worker.Signing;
using Worker.Signing.Bsre;
using Worker.Signing.Csc;
using Worker.Signing.Keys;

namespace Worker.Cli;

/// <summary>
/// What <c>sign --signer NAME</c> signs through: the worker's signing port, so every output meets the worker's
/// post-conditions (the input's bytes as prefix, one new signature, the expected certificate, a trust anchor), with the
/// command line's signer for the profile's Kind and, when that signer needs one, the secret typed now.
/// </summary>
internal sealed class SignerSession : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly IDisposable? key;
    private readonly string? anchorFile;

    private SignerSession(ServiceProvider services, IDisposable? key, string? anchorFile)
    {
        this.services = services;
        this.key = key;
        this.anchorFile = anchorFile;
    }

    /// <summary>The port, holding only the command line's signer for this profile.</summary>
    public SigningPort Port { get; private init; } = null!;

    /// <summary>The anchors the port checks the new signature against, for the file's line and long-term validation data.</summary>
    public X509Certificate2Collection Trust { get; private init; } = [];

    /// <summary>What the official typed; null for a key this machine holds.</summary>
    public PersonalSecret? Secret { get; private init; }

    /// <summary>Who signs: the profile's name (or --name, or the certificate's) and position.</summary>
    public SigningStep Step { get; private init; } = null!;

    /// <summary>The port's request for one file; a file signed here belongs to no document.</summary>
    public SigningRequest Request(string input, string output) => new()
    {
        DocumentId = Guid.Empty, Step = Step, StampIndex = 0, Stamp = new StampOptions(), InputPath = input, OutputPath = output, Secret = Secret,
    };

    /// <summary>Reads the profile, opens its key or readies its service, and asks for the secret when the signer needs one.</summary>
    public static async Task<SignerSession> OpenAsync(SignSettings settings, CommandLineEngine engine, TextReader stdin, TextWriter stderr, CancellationToken ct)
    {
        var name = settings.SignerProfile!;
        var configuration = WorkerConfiguration.Build(settings.ConfigFile);
        // The whole Worker section is bound but only the signer is checked, so a configuration without a database or routes still serves.
        var services = OperatorServices.Build(configuration, WorkerConfiguration.Bind(configuration));
        var options = services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        IDisposable? opened = null;
        string? anchorFile = null;
        try
        {
            var profile = Profile(options, name);
            var anchors = settings.TrustFile is { } pem ? new TrustAnchorSource([pem], []) : services.GetRequiredService<TrustAnchorSource>();
            IDigestSigner? local = null;
            if (profile.Kind is SignerKinds.Pkcs12 or SignerKinds.Pkcs11)
            {
                (local, opened) = await OpenKeyAsync(settings, services, name, profile, ct);
                // A key this machine holds and no anchor configured: its own root, as the worker trusts its PKCS#12 signers' roots.
                if (anchors.Load().Count == 0)
                {
                    anchorFile = Path.Combine(Path.GetTempPath(), $"tte-sign-anchor-{Guid.NewGuid():N}.pem");
                    DemoCertificates.WritePem(local.Chain[^1], anchorFile);
                    anchors = new TrustAnchorSource([anchorFile], []);
                }
            }
            var trust = anchors.Load();
            IDocumentSigner signer = profile.Kind switch
            {
                SignerKinds.Bsre when settings.Visible => throw new UsageException(
                    $"--signer {name}: a BSrE signature from the command line is invisible (the stamp's QR code needs a document's /verify page); leave out --visible"),
                SignerKinds.Bsre when settings.RsaPss => throw new UsageException($"--signer {name}: --rsa-pss is for keys this machine holds; BSrE chooses its own"),
                SignerKinds.Bsre => new CommandLineBsreSigner(services.GetRequiredService<BsreSigner>(), settings, options),
                SignerKinds.Csc when settings.RsaPss => throw new UsageException($"--signer {name}: --rsa-pss is for keys this machine holds; the CSC credential sets the scheme"),
                SignerKinds.Csc => new CommandLineCscSigner(engine, services.GetRequiredService<IHttpClientFactory>()),
                _ => new CommandLineKeySigner(engine, local!),
            };
            // The worker's port, holding only this signer; what else it needs comes from the worker's registrations.
            var port = ActivatorUtilities.CreateInstance<SigningPort>(services, new[] { signer }, anchors);
            var secret = port.NeedsSecret(name) ? await SecretAsync(settings, services, name, profile, stdin, stderr, ct) : null;
            return new SignerSession(services, opened, anchorFile)
            {
                Port = port,
                Trust = trust,
                Secret = secret,
                Step = new SigningStep
                {
                    Id = Guid.Empty, Position = 0, Signer = name, Email = profile.Email,
                    Name = settings.Name ?? NonBlank(profile.Name) ?? local?.Chain[0].GetNameInfo(X509NameType.SimpleName, false) ?? name,
                    JobTitle = settings.SignerPosition ?? profile.Position,
                },
            };
        }
        catch
        {
            opened?.Dispose();
            if (anchorFile is not null) File.Delete(anchorFile);
            await services.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        key?.Dispose();
        if (anchorFile is not null) File.Delete(anchorFile);
        await services.DisposeAsync();
    }

    // The worker's key provider (PKCS#12 or a token), owned by the services; --rsa-pss with a PKCS#12 file opens it here,
    // since the provider signs PKCS#1 v1.5.
    private static async Task<(IDigestSigner Key, IDisposable? Owner)> OpenKeyAsync(
        SignSettings settings, IServiceProvider services, string name, SignerOptions profile, CancellationToken ct)
    {
        try
        {
            if (settings.RsaPss && profile.Kind == SignerKinds.Pkcs12)
            {
                var file = Pkcs12DigestSigner.Open(profile.Pkcs12, profile.PasswordFile, rsaPss: true);
                return (file, file);
            }
            // The profile is the provider's own (the services' options), so it opens the token's key for PSS.
            if (settings.RsaPss) profile.Pkcs11.RsaPss = true;
            return (await services.GetRequiredService<SignerKeys>().OpenAsync(name, ct), null);
        }
        catch (SigningKeyException e)
        {
            // Name the profile, since the paths in the message came from configuration, not from the command line.
            throw new UsageException($"--signer {name}: {e.Message}");
        }
    }

    private static async Task<PersonalSecret> SecretAsync(
        SignSettings settings, IServiceProvider services, string name, SignerOptions profile, TextReader stdin, TextWriter stderr, CancellationToken ct)
    {
        if (profile.Kind == SignerKinds.Csc) return SecretPrompt.Read(CscOptionsValidator.SecretOf(profile), name, stdin, stderr);
        if (profile.Secret != SignerSecrets.Totp) return SecretPrompt.Read("Passphrase TTE", name, stdin, stderr);
        // BSrE sends the official a code good for this many files; they type it here.
        var identity = BsreIdentity.Of(profile);
        await services.GetRequiredService<BsreSigner>().Client(profile).RequestTotpAsync(identity, settings.Inputs.Count, ct);
        return SecretPrompt.Read("Kode TOTP dari BSrE", name, stdin, stderr);
    }

    private static SignerOptions Profile(WorkerOptions options, string name)
    {
        if (!options.Signers.TryGetValue(name, out var profile))
        {
            var known = options.Signers.Keys.Order(StringComparer.Ordinal).ToList();
            var hint = known.Count == 0 ? "none is configured" : $"configured: {string.Join(", ", known)}";
            throw new UsageException($"--signer: no signer '{name}' under {WorkerOptions.Section}:Signers ({hint})");
        }
        var key = $"{WorkerOptions.Section}:Signers:{name}";
        var errors = new List<string>();
        SignerOptionsValidator.Check(errors, key, profile);
        // The stamp's name may come from --name or the certificate here.
        if (errors.FirstOrDefault(e => !e.StartsWith($"{key}:Name:", StringComparison.Ordinal)) is { } error) throw new UsageException(error);
        return profile;
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
