using Microsoft.Extensions.Options;

namespace Worker.Configuration;

public static class OptionsSetup
{
    /// <summary>IOptions&lt;WorkerOptions&gt; for the services, validated again when the host starts.</summary>
    public static WebApplicationBuilder AddWorkerOptions(this WebApplicationBuilder builder, IConfiguration configuration)
    {
        builder.Services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
        builder.Services.AddOptions<WorkerOptions>().Bind(configuration.GetSection(WorkerOptions.Section)).ValidateOnStart();
        return builder;
    }
}
