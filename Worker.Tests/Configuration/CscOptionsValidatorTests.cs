using Worker.Configuration;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Configuration;

public class CscOptionsValidatorTests
{
    private const string Key = "Worker:Signers:kadis";

    private static List<string> Check(SignerOptions s)
    {
        var errors = new List<string>();
        SignerOptionsValidator.Check(errors, Key, s);
        return errors;
    }

    private static SignerOptions Valid(TempDirectory temp)
    {
        File.WriteAllText(temp.File("csc.id"), "tte-sulbar\n");
        File.WriteAllText(temp.File("csc.secret"), "s3cret\n");
        return new SignerOptions
        {
            Kind = SignerKinds.Csc, Name = "Dr. Ahmad", CredentialId = "cred-1", Nik = "7601012301800001",
            Csc = new CscOptions { Url = "https://tte.example.go.id/csc/v2", ClientIdFile = temp.File("csc.id"), ClientSecretFile = temp.File("csc.secret") },
        };
    }

    [Fact]
    public void Check_AcceptsACompleteProfile_WithThePinByDefault()
    {
        using var temp = new TempDirectory();
        var s = Valid(temp);
        Assert.Empty(Check(s));
        Assert.Equal("Pin", CscOptionsValidator.SecretOf(s));
        s.Secret = "Otp";
        Assert.Empty(Check(s));
        Assert.Equal("Otp", CscOptionsValidator.SecretOf(s));
    }

    [Fact]
    public void Check_SaysOneLinePerMistake_NamingEachKey()
    {
        using var temp = new TempDirectory();
        var s = Valid(temp);
        s.Csc.Url = "ftp://tte";
        s.Csc.ClientIdFile = "";
        s.Csc.ClientSecretFile = temp.File("missing.secret");
        s.Csc.Timeout = TimeSpan.Zero;
        s.CredentialId = "";
        s.Secret = "Totp";
        s.Nik = "";

        var errors = Check(s);

        Assert.Equal(
            [$"{Key}:Csc:Url:", $"{Key}:Csc:ClientIdFile:", $"{Key}:Csc:ClientSecretFile:", $"{Key}:Csc:Timeout:", $"{Key}:CredentialId:", $"{Key}:Secret:", $"{Key}:CertificateSha256:"],
            errors.Select(e => e[..(e.IndexOf(": ", StringComparison.Ordinal) + 1)]));
    }

    [Theory]
    [InlineData("http://tte.example.go.id/csc/v2", true)]
    [InlineData("http://10.1.2.3/csc/v2", true)]
    [InlineData("http://127.0.0.1:8080/csc/v2", false)]
    [InlineData("http://localhost:8080/csc/v2", false)]
    public void Check_RefusesPlainHttp_UnlessTheServiceIsOnThisMachine(string url, bool refused)
    {
        using var temp = new TempDirectory();
        var s = Valid(temp);
        s.Csc.Url = url;
        var errors = Check(s);
        Assert.Equal(refused, errors.Any(e => e.StartsWith($"{Key}:Csc:Url: '{url}' must use https", StringComparison.Ordinal)));
    }
}
