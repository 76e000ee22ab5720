using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Support.Pki;

/// <summary>NSS databases for poppler's pdfsig: one that trusts a test CA, and the signing keys pdfsig -add-signature uses.</summary>
public static class NssDatabase
{
    /// <summary>A new database in <paramref name="directory"/> trusting <paramref name="caPem"/>, so pdfsig judges its certificates trusted.</summary>
    public static string Create(string directory, string caPem, string caNickname)
    {
        System.IO.Directory.CreateDirectory(directory);
        ExternalTool.RunOk("certutil", "-N", "-d", "sql:" + directory, "--empty-password");
        ExternalTool.RunOk("certutil", "-A", "-d", "sql:" + directory, "-n", caNickname, "-t", "CT,C,C", "-i", caPem);
        return directory;
    }

    /// <summary>Imports the key and certificates of <paramref name="files"/>, the signer's certificate under <paramref name="nickname"/> (pdfsig -nick).</summary>
    public static void ImportKey(string directory, KeyFiles files, string nickname)
    {
        var before = KeyNicknames(directory);
        var password = File.ReadAllText(files.PasswordFile).TrimEnd('\r', '\n');
        ExternalTool.RunOk("pk12util", "-i", files.Pkcs12, "-d", "sql:" + directory, "-W", password);
        // pk12util names the certificate after its subject (the file has no friendly name); the tests sign by a fixed nickname.
        var imported = Assert.Single(KeyNicknames(directory).Except(before));
        if (imported != nickname) ExternalTool.RunOk("certutil", "--rename", "-d", "sql:" + directory, "-n", imported, "--new-n", nickname);
    }

    // certutil -L marks a certificate whose private key the database holds with the trust attributes u,u,u.
    private static List<string> KeyNicknames(string directory) =>
        [.. ExternalTool.RunOk("certutil", "-L", "-d", "sql:" + directory).Split('\n')
            .Where(line => line.TrimEnd().EndsWith("u,u,u", StringComparison.Ordinal))
            .Select(line => line.TrimEnd()[..^"u,u,u".Length].Trim())];
}
