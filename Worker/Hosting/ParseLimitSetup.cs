using Worker.Configuration;
using Worker.Pdf.Checking;

namespace Worker.Hosting;

public static class ParseLimitSetup
{
    /// <summary>One <see cref="ParseSlots"/> for the web server, sized by <c>Worker:Web:MaxConcurrentParses</c>.</summary>
    public static WebApplicationBuilder AddParseLimit(this WebApplicationBuilder builder, IConfiguration configuration)
    {
        // Bound beside WorkerOptions rather than inside it, so this key needs no edit of the shared options class.
        ParseLimitOptions options;
        try { options = configuration.GetSection("Worker:Web").Get<ParseLimitOptions>() ?? new ParseLimitOptions(); }
        catch (InvalidOperationException) { throw new ConfigurationException("Worker:Web:MaxConcurrentParses: not a whole number"); }
        if (options.MaxConcurrentParses is < 1 or > 64)
            throw new ConfigurationException($"Worker:Web:MaxConcurrentParses: {options.MaxConcurrentParses} is not between 1 and 64");
        builder.Services.AddSingleton(new ParseSlots(options.MaxConcurrentParses));
        return builder;
    }
}
