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
        builder.Services.AddSingleton<FirstPageRenderer>();
        builder.Services.AddSingleton<Hangfire.States.IElectStateFilter, SigningRetries>();
        builder.Services.AddHttpClient("tsa");
        builder.Services.AddTransient<ISigningStarter, SignAndFileJob>();
        builder.Services.AddSingleton<CertificateExpiryCheck>();
        builder.Services.AddQuartz(q => q.ScheduleJob<CertificateExpiryJob>(t => t
            .WithIdentity("certificate-expiry", "signing")
            .StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
            .WithSimpleSchedule(TimeSpan.FromHours(12))));
        builder.Services.AddSingleton<ArchiveRenewalStore>();
        builder.Services.AddSingleton<ArchiveRenewal>();
        var renewEvery = builder.Configuration.GetValue<TimeSpan?>("Worker:Timestamp:RenewEvery") ?? TimeSpan.FromDays(1);
        builder.Services.AddQuartz(q => q.ScheduleJob<ArchiveRenewalJob>(t => t
            .WithIdentity("archive-renewal", "signing")
            .StartAt(DateTimeOffset.UtcNow.AddMinutes(5))
            .WithSimpleSchedule(renewEvery)));
        return builder;
    }
}
