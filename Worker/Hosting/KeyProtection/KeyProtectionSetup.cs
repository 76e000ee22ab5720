using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Hosting.KeyProtection;

public static class KeyProtectionSetup
{
    /// <summary>
    /// The data-protection key ring (cookies, antiforgery) in the shared database, so every worker accepts the others' forms,
    /// each key encrypted with the secret in Worker:Web:KeyProtectionFile, which stays out of the database and its backups.
    /// </summary>
    public static WebApplicationBuilder AddKeyProtection(this WebApplicationBuilder builder, WorkerOptions options)
    {
        var secret = KeyProtectionSecret.FromFile(options.Web.KeyProtectionFile);
        builder.Services.AddSingleton(secret);
        builder.Services.AddDataProtection().SetApplicationName("signing-worker");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<NpgsqlDataSource>((o, dataSource) =>
        {
            o.XmlRepository = new EncryptedKeysOnly(new DataProtectionKeyStore(dataSource));
            o.XmlEncryptor = new SecretFileXmlEncryptor(secret);
        });
        return builder;
    }
}
