using Worker.Configuration;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Configuration;

public class VerificationOptionsValidatorTests
{
    [Fact]
    public void Check_NamesTheKey_WhenATrustAnchorFileIsMissingOrHoldsNoCertificate()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("not-a-cert.pem"), "hello");
        var options = new VerificationOptions { TrustAnchors = [temp.File("missing.pem"), temp.File("not-a-cert.pem"), DemoPki.Instance.CaPem] };
        var errors = new List<string>();

        VerificationOptionsValidator.Check(errors, options);

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Worker:Verification:TrustAnchors:0: file ", errors[0]);
        Assert.StartsWith("Worker:Verification:TrustAnchors:1: file ", errors[1]);
        Assert.Contains("holds no PEM certificate", errors[1]);
    }

    [Fact]
    public void Check_RefusesTheTimeout_WhenItIsZero()
    {
        var errors = new List<string>();

        VerificationOptionsValidator.Check(errors, new VerificationOptions { RevocationTimeout = TimeSpan.Zero });

        Assert.Contains(errors, e => e.StartsWith("Worker:Verification:RevocationTimeout:", StringComparison.Ordinal));
    }
}
