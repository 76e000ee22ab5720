using Worker.Configuration;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Configuration;

/// <summary>The BSrE keys of a signer profile: one line per mistake, naming the key.</summary>
public sealed class SignerOptionsValidatorTests
{
    private static List<string> Check(Action<SignerOptions> change)
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("user"), "u");
        File.WriteAllText(temp.File("pass"), "p");
        var profile = new SignerOptions
        {
            Kind = SignerKinds.Bsre, Name = "Kadis", Nik = "7601012301800001",
            Bsre = new BsreOptions { Url = "http://10.0.0.5", UserFile = temp.File("user"), PasswordFile = temp.File("pass") },
        };
        change(profile);
        var errors = new List<string>();
        SignerOptionsValidator.Check(errors, "Worker:Signers:kadis", profile);
        return errors;
    }

    [Fact]
    public void Check_AcceptsV1AndTotpProfiles_WhenTheyAreComplete()
    {
        Assert.Empty(Check(_ => { }));
        Assert.Empty(Check(p => p.Bsre.Api = "V1"));
        Assert.Empty(Check(p => p.Secret = SignerSecrets.Totp));
        Assert.Empty(Check(p => { p.Nik = ""; p.Email = "kadis@example.go.id"; p.Secret = SignerSecrets.Totp; }));
    }

    [Fact]
    public void Check_NamesTheKey_WhenV1IsAskedForAnEmailOrATotp()
    {
        Assert.Equal(["Worker:Signers:kadis:Nik: Bsre:Api V1 names the official by NIK; set Nik (or use V2)"],
            Check(p => { p.Bsre.Api = "V1"; p.Nik = ""; p.Email = "kadis@example.go.id"; }));
        Assert.Equal(["Worker:Signers:kadis:Secret: Totp needs Bsre:Api V2"], Check(p => { p.Bsre.Api = "V1"; p.Secret = SignerSecrets.Totp; }));
    }

    [Fact]
    public void Check_NamesTheKey_WhenApiSecretOrBatchSizeIsUnknownOrOutOfRange()
    {
        Assert.Equal(["Worker:Signers:kadis:Bsre:Api: 'V3' must be V2 or V1"], Check(p => p.Bsre.Api = "V3"));
        Assert.Equal(["Worker:Signers:kadis:Secret: 'Pin' must be Passphrase or Totp"], Check(p => p.Secret = "Pin"));
        Assert.Equal(["Worker:Signers:kadis:Bsre:BatchSize: 0 must be from 1 to 100"], Check(p => p.Bsre.BatchSize = 0));
        Assert.Single(Check(p => p.Bsre.BatchSize = 101));
    }
}
