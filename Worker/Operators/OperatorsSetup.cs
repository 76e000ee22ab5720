using Worker.Persistence;

namespace Worker.Operators;

public static class OperatorsSetup
{
    /// <summary>Retry, resend and cancel, and the answers to refused files, shared by the dashboard and the command line.</summary>
    public static IServiceCollection AddOperatorActions(this IServiceCollection services)
    {
        services.AddSingleton<OperatorStore>();
        services.AddTransient<OperatorActions>();
        services.AddTransient<RefusedFileActions>();
        return services;
    }
}
