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
        builder.Services.AddSingleton<Keys.SignerKeys>();
        builder.Services.AddSingleton<TimestampSource>();
        builder.Services.AddSingleton<LtvStep>();
        builder.Services.AddSingleton<FirstPageRenderer>();
        builder.Services.AddSingleton<Hangfire.States.IElectStateFilter, SigningRetries>();
        builder.Services.AddHttpClient("tsa");
        builder.Services.AddSingleton<LocalEngineSigner>();
        builder.Services.AddSingleton<IDocumentSigner>(sp => sp.GetRequiredService<LocalEngineSigner>());
        builder.Services.AddSingleton<Csc.CscSigner>();
        builder.Services.AddSingleton<IDocumentSigner>(sp => sp.GetRequiredService<Csc.CscSigner>());
        // Csc:Timeout bounds each call, as for BSrE.
        builder.Services.AddHttpClient(Csc.CscSigner.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton<Bsre.BsreSigner>();
        builder.Services.AddSingleton<IDocumentSigner>(sp => sp.GetRequiredService<Bsre.BsreSigner>());
        builder.Services.AddSingleton<Csc.CscReadiness>();
        builder.Services.AddSingleton<SignerReadiness>();
        builder.Services.AddSingleton<Watch.SignerWatch>();
        builder.Services.AddHostedService<Watch.SignerWatchService>();
        builder.Services.AddHealthChecks().AddCheck<SignersHealthCheck>("signers");
        builder.Services.AddSingleton<SigningPort>();
        builder.Services.AddSingleton<PresignedOutputs>();
        builder.Services.AddSingleton<SignerStepStore>();
        builder.Services.AddSingleton<ApprovalSigning>();
        builder.Services.AddSingleton<Bsre.BsreStatusCache>();
        // Bsre:Timeout bounds each call; the client's own 100 s default would cut a longer configured one short.
        builder.Services.AddHttpClient(Bsre.BsreSigner.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
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
