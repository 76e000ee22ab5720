using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Keys;

namespace Worker.Cli;

/// <summary>
/// <c>dev-certs DIR [--ocsp-url URL] [--crl-url URL] [--softhsm]</c>: a demo CA with an RSA-2048 and a P-256 signer and a TSA
/// certificate; with the URLs the new certificates name those revocation services, and the responder's index and a fresh
/// CRL are written for them; with --softhsm a SoftHSM2 token holds the RSA signer's key. Never overwrites a key or certificate.
/// </summary>
public static class DevCertsCommand
{
    private const string Usage = "usage: Worker dev-certs DIR [--ocsp-url URL] [--crl-url URL] [--softhsm]";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var reader = Arguments.Parse(args, ["--ocsp-url", "--crl-url"], ["--softhsm"]);
        if (reader.Positional.Count != 1) throw new UsageException(Usage);
        var ocspUrl = HttpUrl(reader.Value("--ocsp-url"), "--ocsp-url");
        var crlUrl = HttpUrl(reader.Value("--crl-url"), "--crl-url");
        var extensions = DemoCertificates.RevocationExtensions(ocspUrl, crlUrl);
        var dir = Directory.CreateDirectory(reader.Positional[0]).FullName;
        string P(string name) => Path.Combine(dir, name);

        X509Certificate2 authority;
        if (File.Exists(P("ca.p12")) && File.Exists(P("ca.pass")))
        {
            var password = File.ReadAllText(P("ca.pass")).TrimEnd('\r', '\n');
            authority = X509CertificateLoader.LoadPkcs12FromFile(P("ca.p12"), password, X509KeyStorageFlags.Exportable);
            stdout.WriteLine($"kept    {P("ca.p12")}");
        }
        else if (File.Exists(P("ca.pem")))
        {
            stderr.WriteLine($"{P("ca.pem")} exists but its key (ca.p12, ca.pass) does not: remove ca.pem or restore the key");
            return ExitCode.Usage;
        }
        else
        {
            authority = DemoCertificates.CreateAuthority();
            DemoCertificates.WritePkcs12(authority, authority, P("ca.p12"), P("ca.pass"));
            stdout.WriteLine($"created {P("ca.p12")} (CA key; keep it private)");
        }
        using (authority)
        {
            WriteIfMissing(P("ca.pem"), stdout, () => DemoCertificates.WritePem(authority, P("ca.pem")));
            Signer(authority, DemoKeyKind.Rsa2048, "Demo Signer", P("signer.p12"), P("signer.pass"), extensions, stdout);
            Signer(authority, DemoKeyKind.EcP256, "Demo Signer (EC)", P("signer-ec.p12"), P("signer-ec.pass"), extensions, stdout);
            DemoServiceFiles.Service(authority, "Demo TSA", DemoCertificates.TimeStampingOid, extensions, P("tsa.pem"), P("tsa-key.pem"), stdout);
            if (ocspUrl is not null)
            {
                // The responder signs with a delegated certificate, so the CA key stays in ca.p12.
                DemoServiceFiles.Service(authority, "Demo OCSP Responder", DemoCertificates.OcspSigningOid, [], P("ocsp.pem"), P("ocsp-key.pem"), stdout);
                using var tsa = X509CertificateLoader.LoadCertificateFromFile(P("tsa.pem"));
                DemoServiceFiles.OcspIndex(P("index.txt"),
                    [.. DemoServiceFiles.Signers([(P("signer.p12"), P("signer.pass")), (P("signer-ec.p12"), P("signer-ec.pass"))]), tsa], stdout);
            }
            if (crlUrl is not null) DemoServiceFiles.Crl(authority, Path.Combine(dir, "crl", "ca.crl"), stdout);
        }
        return reader.Flag("--softhsm") ? DevSoftHsm.Run(dir, stdout, stderr) : ExitCode.Done;
    }

    private static string? HttpUrl(string? value, string option) =>
        value is null || Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? value
            : throw new UsageException($"{option} needs an http:// or https:// address, not '{value}'");

    private static void Signer(X509Certificate2 authority, DemoKeyKind kind, string name, string p12, string pass, IReadOnlyList<X509Extension> extensions,
        TextWriter stdout)
    {
        if (File.Exists(p12) || File.Exists(pass))
        {
            stdout.WriteLine($"kept    {p12}");
            return;
        }
        using var signer = DemoCertificates.IssueSigner(authority, kind, name, extensions: extensions);
        DemoCertificates.WritePkcs12(signer, authority, p12, pass);
        stdout.WriteLine($"created {p12} and {Path.GetFileName(pass)}");
    }

    private static void WriteIfMissing(string path, TextWriter stdout, Action write)
    {
        if (File.Exists(path))
        {
            stdout.WriteLine($"kept    {path}");
            return;
        }
        write();
        stdout.WriteLine($"created {path}");
    }
}
