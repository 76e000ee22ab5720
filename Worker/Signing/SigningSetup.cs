using Quartz;
using Worker.Approval;
using Worker.Persistence;

namespace Worker.Signing;

public static class SigningSetup
{
    /// <summary>The sign-and-file job behind ISigningStarter, its retry policy, and the certificate expiry watch.</summary>
    public static WebApplicationBuilder AddSigning(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SigningStore>();
        builder.Services.AddSingleton<SignerProfiles>();
        builder.Services.AddSingleton<TimestampSource>();
        builder.Services.AddSingleton<LtvStep>();
        builder.Services.AddSingleton<Hangfire.States.IElectStateFilter, SigningRetries>();
        builder.Services.AddHttpClient("tsa");
        builder.Services.AddTransient<ISigningStarter, SignAndFileJob>();
        builder.Services.AddSingleton<CertificateExpiryCheck>();
        builder.Services.AddQuartz(q => q.ScheduleJob<CertificateExpiryJob>(t => t
            .WithIdentity("certificate-expiry", "signing")
            .StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
            .WithSimpleSchedule(TimeSpan.FromHours(12))));
        return builder;
    }
}
