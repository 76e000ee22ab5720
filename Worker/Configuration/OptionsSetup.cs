using System.Reflection;
using Microsoft.Extensions.Options;

namespace Worker.Configuration;

public static class OptionsSetup
{
    /// <summary>
    /// IOptions&lt;WorkerOptions&gt; for the services, validated again when the host starts, and IOptions&lt;T&gt; for each
    /// of its sections (<see cref="Sections"/>), so a class asks only for the section it reads.
    /// </summary>
    public static IServiceCollection AddWorkerOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
        services.AddOptions<WorkerOptions>().Bind(configuration.GetSection(WorkerOptions.Section)).ValidateOnStart();
        // Each section is the very object inside the validated WorkerOptions: bound once, checked once, one picture of the
        // configuration. Registered by reflection so a new section cannot be forgotten; a forgotten one would otherwise be
        // served by the options framework as a default-constructed object, silently.
        foreach (var section in Sections)
        {
            var wrapper = typeof(OptionsWrapper<>).MakeGenericType(section.PropertyType);
            services.AddSingleton(typeof(IOptions<>).MakeGenericType(section.PropertyType), sp =>
                Activator.CreateInstance(wrapper, section.GetValue(sp.GetRequiredService<IOptions<WorkerOptions>>().Value))!);
        }
        return services;
    }

    /// <summary>The sections of <see cref="WorkerOptions"/> served on their own: its properties of an <c>…Options</c> class.</summary>
    public static IReadOnlyList<PropertyInfo> Sections { get; } = typeof(WorkerOptions)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType.IsClass && p.PropertyType.Name.EndsWith("Options", StringComparison.Ordinal))
        .ToArray();
}
