using Worker.Persistence;

namespace Worker.Operators;

public static class OperatorsSetup
{
    /// <summary>Retry, resend and cancel, the answers to refused files and the New document form's drop, shared by the dashboard and the command line.</summary>
    public static IServiceCollection AddOperatorActions(this IServiceCollection services)
    {
        services.AddSingleton<OperatorStore>();
        services.AddTransient<OperatorActions>();
        services.AddTransient<RefusedFileActions>();
        services.AddTransient<InboxDrop>();
        return services;
    }
}
