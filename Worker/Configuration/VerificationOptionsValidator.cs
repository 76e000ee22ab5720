using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Worker.Configuration;

/// <summary>Checks <c>Worker:Verification</c>: every trust anchor file exists and holds a certificate; the revocation timeout and retries are in range.</summary>
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
        if (v.RevocationAttempts is < 0 or > 10)
            e.Add($"{k}:RevocationAttempts: {v.RevocationAttempts} must be from 0 to 10");
        if (v.RevocationRetryDelays is { Count: 0 } && v.RevocationAttempts > 0)
            e.Add($"{k}:RevocationRetryDelays: empty; give at least one delay (for example 00:00:02) or set RevocationAttempts to 0");
        for (var i = 0; i < (v.RevocationRetryDelays?.Count ?? 0); i++)
            if (v.RevocationRetryDelays![i] <= TimeSpan.Zero || v.RevocationRetryDelays[i] > TimeSpan.FromMinutes(5))
                e.Add($"{k}:RevocationRetryDelays:{i}: {v.RevocationRetryDelays[i]} must be more than 0 and at most 00:05:00");
    }
}
