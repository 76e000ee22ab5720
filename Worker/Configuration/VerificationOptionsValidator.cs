using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Worker.Configuration;

/// <summary>Checks <c>Worker:Verification</c>: every trust anchor file exists and holds a certificate.</summary>
public static class VerificationOptionsValidator
{
    public static void Check(List<string> e, VerificationOptions v)
    {
        const string k = $"{WorkerOptions.Section}:Verification";
        for (var i = 0; i < v.TrustAnchors.Count; i++)
        {
            var key = $"{k}:TrustAnchors:{i}";
            WorkerOptionsValidator.RequiredFile(e, key, v.TrustAnchors[i]);
            if (string.IsNullOrWhiteSpace(v.TrustAnchors[i]) || !File.Exists(v.TrustAnchors[i])) continue;
            var certificates = new X509Certificate2Collection();
            try { certificates.ImportFromPemFile(v.TrustAnchors[i]); }
            catch (CryptographicException) { certificates.Clear(); }
            if (certificates.Count == 0) e.Add($"{key}: file {Path.GetFullPath(v.TrustAnchors[i])} holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        if (v.RevocationTimeout <= TimeSpan.Zero || v.RevocationTimeout > TimeSpan.FromMinutes(1))
            e.Add($"{k}:RevocationTimeout: {v.RevocationTimeout} must be more than 0 and at most 00:01:00");
    }
}
