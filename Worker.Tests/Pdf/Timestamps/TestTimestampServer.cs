using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Asn1.Cmp;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509;
using BigInteger = Org.BouncyCastle.Math.BigInteger;
using ECDsaCertificateExtensions = System.Security.Cryptography.X509Certificates.ECDsaCertificateExtensions;

namespace Worker.Tests.Pdf.Timestamps;

/// <summary>An RFC 3161 timestamp authority on a random loopback port, answering with BouncyCastle.</summary>
internal sealed class TestTimestampServer : IAsyncDisposable
{
    private const string PolicyOid = "1.3.6.1.4.1.99999.3161.1";

    private readonly WebApplication _app;
    private readonly X509Certificate _tsaCertificate;
    private readonly X509Certificate _caCertificate;
    private readonly AsymmetricKeyParameter _tsaKey;
    private long _serial;
    private int _requests;

    private TestTimestampServer(WebApplication app, TestTsaCertificates certificates, TestTimestampServerMode mode)
    {
        _app = app;
        Certificates = certificates;
        Mode = mode;
        _tsaCertificate = new X509CertificateParser().ReadCertificate(certificates.Tsa.RawData);
        _caCertificate = new X509CertificateParser().ReadCertificate(certificates.Ca.RawData);
        _tsaKey = PrivateKeyOf(certificates.Tsa);
    }

    /// <summary>The address to POST timestamp queries to.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>How the next requests are answered.</summary>
    public TestTimestampServerMode Mode { get; set; }

    /// <summary>The CA and TSA certificates the tokens chain to.</summary>
    public TestTsaCertificates Certificates { get; }

    /// <summary>How many queries have arrived.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>
    /// Starts a server on 127.0.0.1 with a port the OS picks; its certificates live for <paramref name="lifetime"/> (a year by default),
    /// and <paramref name="certificatePadding"/> bytes in its TSA certificate make its tokens that much longer.
    /// </summary>
    public static async Task<TestTimestampServer> StartAsync(TestTimestampServerMode mode = TestTimestampServerMode.Normal, TimeSpan? lifetime = null,
        int certificatePadding = 0)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new TestTimestampServer(app, TestTsaCertificates.Create(lifetime, certificatePadding), mode);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Url = new Uri(address + "/tsa");
        return server;
    }

    /// <summary>Answers one DER timestamp query as the current <see cref="Mode"/> says.</summary>
    public byte[] Respond(byte[] query)
    {
        var request = new TimeStampRequest(query);
        var serial = BigInteger.ValueOf(Interlocked.Increment(ref _serial));
        return Mode switch
        {
            TestTimestampServerMode.Truncated => FirstHalf(Granted(request, serial, _tsaKey)),
            TestTimestampServerMode.WrongImprint => Granted(Alter(request, imprint: new byte[32], request.Nonce), serial, _tsaKey),
            TestTimestampServerMode.WrongNonce => Granted(Alter(request, request.GetMessageImprintDigest(), request.Nonce.Add(BigInteger.One)), serial, _tsaKey),
            TestTimestampServerMode.WrongKey => Granted(request, serial, ImpostorKey()),
            TestTimestampServerMode.Rejected => new TimeStampResponseGenerator(TokenGenerator(_tsaKey), TspAlgorithms.Allowed)
                .GenerateFailResponse(PkiStatus.Rejection, PkiFailureInfo.BadAlg, "test TSA refuses this request").GetEncoded(),
            _ => Granted(request, serial, _tsaKey),
        };
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
        Certificates.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        switch (Mode)
        {
            case TestTimestampServerMode.ServerError:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            case TestTimestampServerMode.Slow:
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            case TestTimestampServerMode.Garbage:
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body>502 Bad Gateway</body></html>", context.RequestAborted);
                return;
        }
        var answer = Respond(body.ToArray());
        context.Response.ContentType = "application/timestamp-reply";
        await context.Response.Body.WriteAsync(answer, context.RequestAborted);
    }

    private byte[] Granted(TimeStampRequest request, BigInteger serial, AsymmetricKeyParameter signingKey) =>
        new TimeStampResponseGenerator(TokenGenerator(signingKey), TspAlgorithms.Allowed)
            .Generate(request, serial, DateTime.UtcNow)
            .GetEncoded();

    // The token names the TSA certificate (ESS signing-certificate-v2, SHA-256) whatever key actually signs.
    private TimeStampTokenGenerator TokenGenerator(AsymmetricKeyParameter signingKey)
    {
        var signer = new SignerInfoGeneratorBuilder()
            .Build(new Asn1SignatureFactory("SHA256WITHECDSA", signingKey), _tsaCertificate);
        var generator = new TimeStampTokenGenerator(
            signer, Asn1DigestFactory.Get(NistObjectIdentifiers.IdSha256), new(PolicyOid), isIssuerSerialIncluded: true);
        generator.SetCertificates(CollectionUtilities.CreateStore(new[] { _tsaCertificate, _caCertificate }));
        return generator;
    }

    private static AsymmetricKeyParameter PrivateKeyOf(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        using var key = ECDsaCertificateExtensions.GetECDsaPrivateKey(certificate)
            ?? throw new InvalidOperationException("The test TSA certificate has no ECDSA private key.");
        return PrivateKeyFactory.CreateKey(key.ExportPkcs8PrivateKey());
    }

    private static byte[] FirstHalf(byte[] bytes) => bytes[..(bytes.Length / 2)];

    private static TimeStampRequest Alter(TimeStampRequest request, byte[] imprint, BigInteger nonce)
    {
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(request.CertReq);
        return generator.Generate(request.MessageImprintAlgOid, imprint, nonce);
    }

    private static AsymmetricKeyParameter ImpostorKey()
    {
        var generator = GeneratorUtilities.GetKeyPairGenerator("EC");
        generator.Init(new KeyGenerationParameters(new SecureRandom(), 256));
        return generator.GenerateKeyPair().Private;
    }
}
