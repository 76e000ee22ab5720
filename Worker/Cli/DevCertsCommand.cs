using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Keys;

namespace Worker.Cli;

/// <summary>
/// <c>dev-certs DIR [--softhsm]</c>: a demo CA with an RSA-2048 and a P-256 signer, and with --softhsm a SoftHSM2 token
/// holding the RSA signer's key; never overwrites a file.
/// </summary>
public static class DevCertsCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var softhsm = args.Length == 2 && args[1] == "--softhsm";
        if (args.Length is not (1 or 2) || args[0].StartsWith('-') || (args.Length == 2 && !softhsm))
            throw new UsageException("usage: Worker dev-certs DIR [--softhsm]");
        var dir = Directory.CreateDirectory(args[0]).FullName;
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
            Signer(authority, DemoKeyKind.Rsa2048, "Demo Signer", P("signer.p12"), P("signer.pass"), stdout);
            Signer(authority, DemoKeyKind.EcP256, "Demo Signer (EC)", P("signer-ec.p12"), P("signer-ec.pass"), stdout);
        }
        return softhsm ? DevSoftHsm.Run(dir, stdout, stderr) : ExitCode.Done;
    }

    private static void Signer(X509Certificate2 authority, DemoKeyKind kind, string name, string p12, string pass, TextWriter stdout)
    {
        if (File.Exists(p12) || File.Exists(pass))
        {
            stdout.WriteLine($"kept    {p12}");
            return;
        }
        using var signer = DemoCertificates.IssueSigner(authority, kind, name);
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
