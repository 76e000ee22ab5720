using System.Reflection;
using Microsoft.Extensions.Options;

namespace Worker.Configuration;

public static class OptionsSetup
{
    /// <summary>
    /// IOptions&lt;WorkerOptions&gt; bound from <paramref name="configuration"/>, and IOptions&lt;T&gt; for each of its sections
    /// (<see cref="Sections"/>), so a class asks only for the section it reads. Not checked here: the daemon adds
    /// <see cref="ValidateWorkerOptionsOnStart"/>, while a command line reads only the settings it needs.
    /// </summary>
    public static IServiceCollection AddWorkerOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkerOptions>().Bind(configuration.GetSection(WorkerOptions.Section));
        // Each section is the very object inside WorkerOptions: bound once, checked once (by the daemon), one picture of the
        // configuration. Registered by reflection so a new section cannot be forgotten; a forgotten one would otherwise be
        // served by the options framework as a default-constructed object, silently.
        foreach (var section in Sections)
        {
            var wrapper = typeof(OptionsWrapper<>).MakeGenericType(section.PropertyType);
            services.AddSingleton(typeof(IOptions<>).MakeGenericType(section.PropertyType), sp =>
                Activator.CreateInstance(wrapper, section.GetValue(sp.GetRequiredService<IOptions<WorkerOptions>>().Value))!);
        }
        services.AddSingleton(sp => new RouteBook(sp.GetRequiredService<IOptions<WorkerOptions>>().Value));
        services.AddSingleton(sp => new SignerProfiles(sp.GetRequiredService<IOptions<WorkerOptions>>().Value.Signers));
        return services;
    }

    /// <summary>Checks every setting when the host starts, and at the first read of the options.</summary>
    public static IServiceCollection ValidateWorkerOptionsOnStart(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
        services.AddOptions<WorkerOptions>().ValidateOnStart();
        return services;
    }

    /// <summary>The sections of <see cref="WorkerOptions"/> served on their own: its properties of an <c>…Options</c> class.</summary>
    public static IReadOnlyList<PropertyInfo> Sections { get; } = typeof(WorkerOptions)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType.IsClass && p.PropertyType.Name.EndsWith("Options", StringComparison.Ordinal))
        .ToArray();
}
