using Quartz;
using Worker.Approval;
using Worker.Persistence;

namespace Worker.Signing;

public static class SigningSetup
{
    /// <summary>Signers (key files, tokens, BSrE, CSC) behind the signing port, their readiness, the sign-and-file job behind ISigningStarter, timestamps, LTV and archive renewal.</summary>
    public static IServiceCollection AddSigningServices(this IServiceCollection services)
    {
        services.AddSingleton<SigningStore>();
        services.AddSingleton<IStampNoteRecorder>(sp => sp.GetRequiredService<SigningStore>());
        services.AddSingleton<Keys.SignerKeys>();
        services.AddSingleton<TimestampSource>();
        services.AddSingleton<LtvStep>();
        services.AddSingleton<FirstPageRenderer>();
        services.AddHttpClient("tsa");
        services.AddSingleton<LocalEngineSigner>();
        services.AddSingleton<IDocumentSigner>(sp => sp.GetRequiredService<LocalEngineSigner>());
        services.AddSingleton<Csc.CscSigner>();
        services.AddSingleton<IDocumentSigner>(sp => sp.GetRequiredService<Csc.CscSigner>());
        // Csc:Timeout bounds each call, as for BSrE.
        services.AddHttpClient(Csc.CscSigner.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<Bsre.BsreSigner>();
        services.AddSingleton<IDocumentSigner>(sp => sp.GetRequiredService<Bsre.BsreSigner>());
        services.AddSingleton<Csc.CscReadiness>();
        services.AddSingleton<SignerReadiness>();
        services.AddSingleton<Watch.SignerWatch>();
        services.AddSingleton<SigningPort>();
        services.AddSingleton<PresignedOutputs>();
        services.AddSingleton<SignerStepStore>();
        services.AddSingleton<ApprovalSigning>();
        services.AddSingleton<Bsre.BsreStatusCache>();
        // Bsre:Timeout bounds each call; the client's own 100 s default would cut a longer configured one short.
        services.AddHttpClient(Bsre.BsreSigner.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddTransient<ISigningStarter, SignAndFileJob>();
        services.AddSingleton<CertificateExpiryCheck>();
        services.AddSingleton<ArchiveRenewalStore>();
        services.AddSingleton<ArchiveRenewal>();
        return services;
    }

    /// <summary>The daemon's part: the signing retry policy on the Hangfire server, the signer watch, the signers' health check and the certificate-expiry and archive-renewal schedules.</summary>
    public static WebApplicationBuilder AddSigning(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Hangfire.States.IElectStateFilter, SigningRetries>();
        builder.Services.AddHostedService<Watch.SignerWatchService>();
        builder.Services.AddHealthChecks().AddCheck<SignersHealthCheck>("signers");
        builder.Services.AddQuartz(q => q.ScheduleJob<CertificateExpiryJob>(t => t
            .WithIdentity("certificate-expiry", "signing")
            .StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
            .WithSimpleSchedule(TimeSpan.FromHours(12))));
        var renewEvery = builder.Configuration.GetValue<TimeSpan?>("Worker:Timestamp:RenewEvery") ?? TimeSpan.FromDays(1);
        builder.Services.AddQuartz(q => q.ScheduleJob<ArchiveRenewalJob>(t => t
            .WithIdentity("archive-renewal", "signing")
            .StartAt(DateTimeOffset.UtcNow.AddMinutes(5))
            .WithSimpleSchedule(renewEvery)));
        return builder;
    }
}
